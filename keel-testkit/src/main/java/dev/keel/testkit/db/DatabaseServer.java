package dev.keel.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A server that hands out fresh databases to tests: one started here, or one named by the environment. */
interface DatabaseServer {

  /**
   * Creates a fresh, empty database.
   *
   * @return where to reach it
   * @throws TestDatabaseException if the server refuses
   */
  TestDatabase newDatabase();

  /** Stops the server, or drops what was created on a server not started here; at JVM exit. */
  void stop();

  /** Runs administrative statements over a connection to a URL. */
  static void execute(String url, String what, String... sql) {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
    } catch (SQLException e) {
      String scheme = url.substring(0, Math.max(0, url.indexOf(':', "jdbc:".length())));
      String hint = "08001".equals(e.getSQLState()) || e.getMessage().contains("No suitable driver")
          ? " (is the JDBC driver for " + scheme + " on the test class path?)" : "";
      throw new TestDatabaseException("Cannot " + what + " at " + redacted(url) + ": " + e.getMessage() + hint, e);
    }
  }

  /** A URL without its password, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
