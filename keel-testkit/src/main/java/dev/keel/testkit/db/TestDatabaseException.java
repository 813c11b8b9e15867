package dev.keel.testkit.db;

/**
 * A test database could not be had: its server binaries or JDBC driver are missing from the test class path,
 * the server did not start (the message carries the tail of its log), or the server named by
 * {@code KEEL_TEST_POSTGRES_URL} or {@code KEEL_TEST_MYSQL_URL} refused. A test that asks for a database fails
 * with it; none is skipped.
 */
public class TestDatabaseException extends RuntimeException {

  /**
   * An exception saying what is missing or what failed.
   *
   * @param message what went wrong and how to fix it
   */
  public TestDatabaseException(String message) {
    super(message);
  }

  /**
   * An exception saying what failed, with the cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public TestDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
