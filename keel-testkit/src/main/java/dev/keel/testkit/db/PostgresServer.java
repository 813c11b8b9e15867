package dev.keel.testkit.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway PostgreSQL server: {@code initdb} (trust authentication, user {@code postgres}, no fsync) and
 * {@code postgres} on 127.0.0.1 only, with no Unix socket, tuned for tests rather than durability.
 */
final class PostgresServer extends LocalServer {

  private final Path data;

  private PostgresServer(Path dist, Path run) {
    super(dist, run);
    this.data = ownedDirectory("data");
  }

  static PostgresServer start(Path base) {
    return start(base, "postgres");
  }

  /**
   * Starts a server in a run directory of the given name (before the JVM's pid), so that several live side by side.
   *
   * @param base the base directory of binaries and run directories
   * @param runName the run directory's name
   * @return the server, ready
   */
  static PostgresServer start(Path base, String runName) {
    PostgresServer server = new PostgresServer(Binaries.postgres(base.resolve("dist")), runDirectory(base, runName));
    server.runCommand("initdb", List.of(server.bin("initdb"), "-D", server.data.toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
    server.startOnFreePort();
    return server;
  }

  private String bin(String tool) {
    return dist.resolve("bin").resolve(tool).toString();
  }

  @Override
  String kind() {
    return "PostgreSQL";
  }

  @Override
  ServerProcess launch(int port) {
    return ServerProcess.start("postgres", List.of(bin("postgres"), "-D", data.toString(), "-p", Integer.toString(port),
        "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300",
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        "-c", "shared_buffers=64MB"), account, run.resolve("postgres.log"),
        "database system is ready to accept connections", START_TIMEOUT);
  }

  @Override
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  @Override
  String adminUrl() {
    return url("postgres");
  }

  @Override
  String[] createDatabase(String database) {
    return new String[] {"CREATE DATABASE " + database + " ENCODING 'UTF8'"};
  }

  /** Stops the server as an operator's fast shutdown does (sessions cut, data kept); {@link #resume()} starts it. */
  void halt() {
    if (process != null && process.isAlive()) {
      runCommand("pg_ctl stop", List.of(bin("pg_ctl"), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30"));
      process.awaitStop(Duration.ofSeconds(5));
    }
  }

  /** Starts a halted server again, on the same port with the same data. */
  void resume() {
    if (process == null || !process.isAlive()) {
      relaunch();
    }
  }

  boolean running() {
    return process != null && process.isAlive();
  }

  @Override
  public void stop() {
    if (process != null && process.isAlive()) {
      try {
        runCommand("pg_ctl stop", List.of(bin("pg_ctl"), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "10"));
      } catch (TestDatabaseException e) {
        // Killed below.
      }
      process.awaitStop(Duration.ofSeconds(5));
    }
    deleteRun();
  }
}
