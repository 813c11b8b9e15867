package dev.keel.testkit.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway server started by these tests from the binaries on the class path, in a run directory of its
 * own ({@code <base>/run/<kind>-<jvm pid>}), listening on a free port of 127.0.0.1. Run directories left by a
 * JVM that died without stopping its servers are cleaned up, their servers killed, by the next start.
 */
abstract class LocalServer implements DatabaseServer {

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String SERVER_PID = "server.pid";

  final Path dist;
  final Path run;
  final ServerProcess.Account account;
  private final AtomicInteger databases = new AtomicInteger();
  ServerProcess process;
  int port;

  LocalServer(Path dist, Path run) {
    this.dist = dist;
    this.run = run;
    this.account = ServerProcess.Account.forServers();
    if (account != null) {
      reachable(dist);
      reachable(run);
    }
  }

  /** Fails clearly when the server account cannot reach a directory, rather than letting the server fail. */
  private void reachable(Path dir) {
    for (Path p = dir.getParent(); p != null; p = p.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
          throw new TestDatabaseException("The " + kind() + " test server runs as '" + account.user() + "', which cannot "
              + "reach " + dir + " because " + p + " is closed to other accounts: open it (chmod o+x), or point the "
              + "system property keel.testdb.dir at a directory it can reach");
        }
      } catch (IOException | UnsupportedOperationException e) {
        return;
      }
    }
  }

  /** The kind's name in run directory names and messages. */
  abstract String kind();

  /** The JDBC URL of a database, with the credentials. */
  abstract String url(String database);

  /** The statements that create a database. */
  abstract String[] createDatabase(String database);

  /** The URL to run administrative statements at. */
  abstract String adminUrl();

  @Override
  public TestDatabase newDatabase() {
    String name = "keel_" + databases.incrementAndGet();
    DatabaseServer.execute(adminUrl(), "create the test database " + name + " on the " + kind() + " test server",
        createDatabase(name));
    return new TestDatabase(name, url(name), null, null);
  }

  /** A new run directory for this JVM's server of a kind, after cleaning up those of dead JVMs. */
  static Path runDirectory(Path base, String kind) {
    Path runs = base.resolve("run");
    try {
      Files.createDirectories(runs);
      Files.setPosixFilePermissions(runs, Tar.permissions(0755));
      Files.setPosixFilePermissions(base, Tar.permissions(0755));
      try (Stream<Path> dirs = Files.list(runs)) {
        for (Path dir : dirs.toList()) {
          cleanUpIfAbandoned(dir);
        }
      }
      Path run = runs.resolve(kind + "-" + ProcessHandle.current().pid());
      Binaries.deleteTree(run);
      Files.createDirectories(run);
      // The server account must reach the data directory inside.
      Files.setPosixFilePermissions(run, Tar.permissions(0755));
      return run;
    } catch (IOException e) {
      throw new TestDatabaseException("Cannot prepare a run directory under " + runs + ": " + e, e);
    }
  }

  private static void cleanUpIfAbandoned(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    long owner;
    try {
      owner = Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return;
    }
    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
      return; // a live JVM's server, maybe another module's tests
    }
    Path pidFile = dir.resolve(SERVER_PID);
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      Optional<ProcessHandle> server = ProcessHandle.of(pid);
      if (server.isPresent() && server.get().info().commandLine().map(c -> c.contains(dir.toString())).orElse(false)) {
        server.get().destroyForcibly();
        server.get().onExit().join();
      }
    }
    Binaries.deleteTree(dir);
  }

  /** Starts the server on a free port, trying another port if the one chosen was taken meanwhile. */
  final void startOnFreePort() {
    TestDatabaseException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = freePort();
      try {
        process = launch(port);
        Files.writeString(run.resolve(SERVER_PID), Long.toString(process.pid()));
        return;
      } catch (TestDatabaseException e) {
        last = e;
        if (!e.getMessage().contains("in use")) {
          throw e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw last;
  }

  /** Starts the server process again on the port it had, after it was stopped with its data kept. */
  final void relaunch() {
    process = launch(port);
    try {
      Files.writeString(run.resolve(SERVER_PID), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server process on a port and returns once it is ready. */
  abstract ServerProcess launch(int port);

  /** A data directory inside the run directory, owned by the server account. */
  final Path ownedDirectory(String name) {
    try {
      Path dir = Files.createDirectories(run.resolve(name));
      if (account != null) {
        account.own(dir);
      }
      return dir;
    } catch (IOException e) {
      throw new TestDatabaseException("Cannot prepare " + run.resolve(name) + " for the " + kind() + " server: " + e, e);
    }
  }

  final void runCommand(String what, List<String> command) {
    ServerProcess.run(what, command, account, run.resolve(what.replace(' ', '-') + ".log"), START_TIMEOUT);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the run directory once the server is stopped. */
  final void deleteRun() {
    try {
      Binaries.deleteTree(run);
    } catch (IOException e) {
      // Left for the next run's clean-up.
    }
  }
}
