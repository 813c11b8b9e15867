package dev.keel.testkit.db;

/**
 * A throwaway PostgreSQL server that one test owns and can stop and start again, as an operator's restart or a
 * failover does: {@link #stop()} shuts it down fast (open sessions are cut, new connections refused), {@link #start()}
 * brings it back on the same port with the same data, so URLs and pools made before keep working once it is up.
 * Made by {@link TestDatabases#stoppablePostgres()}.
 */
public final class StoppablePostgres implements AutoCloseable {

  private final PostgresServer server;

  StoppablePostgres(PostgresServer server) {
    this.server = server;
  }

  /**
   * Creates a fresh database on the server, which must be running.
   *
   * @return the database
   * @throws TestDatabaseException if the server refuses
   */
  public TestDatabase newDatabase() {
    return server.newDatabase();
  }

  /**
   * Stops the server, keeping its data; returns once it has stopped.
   *
   * @throws TestDatabaseException if pg_ctl fails
   */
  public synchronized void stop() {
    server.halt();
  }

  /**
   * Starts the server again on the same port; returns once it accepts connections.
   *
   * @throws TestDatabaseException if it does not start
   */
  public synchronized void start() {
    server.resume();
  }

  /**
   * Whether the server is running.
   *
   * @return true between {@link #start()} (or creation) and {@link #stop()}
   */
  public synchronized boolean running() {
    return server.running();
  }

  /** Stops the server for good and deletes its data. */
  @Override
  public synchronized void close() {
    server.stop();
  }
}
