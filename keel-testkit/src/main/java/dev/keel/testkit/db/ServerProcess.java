package dev.keel.testkit.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A database server process, or one of its set-up commands, run as the account database servers accept: the
 * current one, or, when the tests run as root (which {@code initdb} refuses, and which {@code mariadbd} accepts
 * only when told), an unprivileged account ({@code nobody} unless the system property {@code keel.testdb.user}
 * names another) through {@code setpriv}, which execs the server in place so that its process is the server.
 * Output goes to a log file and is kept in memory so that a failure can show its tail.
 */
final class ServerProcess {

  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();
  private final CompletableFuture<Void> ready = new CompletableFuture<>();

  private ServerProcess(String name, Process process) {
    this.name = name;
    this.process = process;
  }

  /** The account servers run as: null for the current one. */
  record Account(String user, int uid, int gid) {

    static Account forServers() {
      if (!isRoot()) {
        return null;
      }
      String user = System.getProperty("keel.testdb.user", "nobody");
      try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
        return lines.map(l -> l.split(":")).filter(f -> f.length > 3 && f[0].equals(user)).findFirst()
            .map(f -> new Account(user, Integer.parseInt(f[2]), Integer.parseInt(f[3])))
            .orElseThrow(() -> new TestDatabaseException("The tests run as root, and database servers refuse root, but "
                + "there is no account '" + user + "' to run them as; name one with -Dkeel.testdb.user"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static boolean isRoot() {
      try {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return "root".equals(System.getProperty("user.name"));
      }
    }

    /** Gives a directory (and what it holds) to this account, so that a server can write there. */
    void own(Path dir) throws IOException {
      UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal owner = lookup.lookupPrincipalByName(user);
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(Integer.toString(gid));
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.toList()) {
          PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
          view.setOwner(owner);
          view.setGroup(group);
        }
      }
    }

    List<String> wrap(List<String> command) {
      List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups",
          "--"));
      wrapped.addAll(command);
      return wrapped;
    }
  }

  /**
   * Runs a set-up command to its end.
   *
   * @throws TestDatabaseException naming the command, with its output's tail, if it fails or overruns
   */
  static void run(String what, List<String> command, Account account, Path log, Duration timeout) {
    ServerProcess p = launch(what, command, account, log, null);
    try {
      if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.process.destroyForcibly();
        throw new TestDatabaseException(what + " did not finish within " + timeout + p.tailText());
      }
      p.ready.handle((ok, e) -> null).get(5, TimeUnit.SECONDS); // the output is read to its end
      if (p.process.exitValue() != 0) {
        throw new TestDatabaseException(what + " failed with exit code " + p.process.exitValue() + p.tailText());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.process.destroyForcibly();
      throw new TestDatabaseException(what + " was interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new TestDatabaseException(what + " left its output unread: " + e, e);
    }
  }

  /**
   * Starts a server and waits until its output says it is ready.
   *
   * @throws TestDatabaseException with the output's tail if it exits first or is not ready in time
   */
  static ServerProcess start(String what, List<String> command, Account account, Path log, String readyLine,
      Duration timeout) {
    ServerProcess p = launch(what, command, account, log, readyLine);
    try {
      p.ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return p;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.process.destroyForcibly();
      throw new TestDatabaseException(what + " start was interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      p.process.destroyForcibly();
      String why = e instanceof TimeoutException ? " was not ready within " + timeout
          : " stopped before it was ready (exit code " + exitCode(p.process) + ")";
      throw new TestDatabaseException(what + why + "; its log is " + log + p.tailText());
    }
  }

  private static String exitCode(Process process) {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "none yet";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static ServerProcess launch(String what, List<String> command, Account account, Path log,
      String readyLine) {
    List<String> full = account == null ? command : account.wrap(command);
    Process process;
    try {
      process = new ProcessBuilder(full).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new TestDatabaseException("Cannot run " + what + " (" + String.join(" ", full) + "): " + e.getMessage(), e);
    }
    ServerProcess p = new ServerProcess(what, process);
    Thread reader = new Thread(() -> p.read(log, readyLine), "keel-testdb-" + what.replace(' ', '-'));
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private void read(Path log, String readyLine) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
        if (readyLine != null && line.contains(readyLine)) {
          out.flush();
          ready.complete(null);
        }
      }
    } catch (IOException e) {
      // The process went away; what was read is in the tail.
    }
    ready.completeExceptionally(new IllegalStateException(name + " ended"));
    if (readyLine == null) {
      ready.obtrudeValue(null);
    }
  }

  private String tailText() {
    synchronized (tail) {
      return tail.isEmpty() ? " (it printed nothing)" : "; the last lines it printed:\n  " + String.join("\n  ", tail);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits for the server to end after it was asked to stop, then kills it if it has not. */
  void awaitStop(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Asks the server to stop with SIGTERM. */
  void terminate() {
    process.destroy();
  }
}
