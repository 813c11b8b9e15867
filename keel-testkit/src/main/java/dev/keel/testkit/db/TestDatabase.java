package dev.keel.testkit.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/**
 * A fresh, empty database on a test server, from {@link TestDatabases}: where to connect and as whom. It is
 * the caller's alone; the server and its databases go away when the JVM exits.
 *
 * @param name the database's name on its server
 * @param url its JDBC URL
 * @param user the user to connect as, or null when the URL carries it
 * @param password the password, or null when none is needed or the URL carries it
 */
public record TestDatabase(String name, String url, @Nullable String user, @Nullable String password) {

  /** Checks for nulls. */
  public TestDatabase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }

  /**
   * Opens a connection through {@link DriverManager}.
   *
   * @return a new connection, the caller's to close
   * @throws SQLException if the database refuses, or no driver on the class path takes the URL
   */
  public Connection connect() throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  /**
   * A data source that opens a new connection for each request (no pool): enough for tests, where a pooled
   * one is not what is under test.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return new DataSource() {
      @Override
      public Connection getConnection() throws SQLException {
        return connect();
      }

      @Override
      public Connection getConnection(String username, String pass) throws SQLException {
        return DriverManager.getConnection(url, username, pass);
      }

      @Override
      public PrintWriter getLogWriter() {
        return DriverManager.getLogWriter();
      }

      @Override
      public void setLogWriter(PrintWriter out) {
        DriverManager.setLogWriter(out);
      }

      @Override
      public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
      }

      @Override
      public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("No parent logger");
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
          return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
      }

      @Override
      public String toString() {
        return "TestDatabase " + name + " at " + url;
      }
    };
  }
}
