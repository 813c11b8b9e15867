package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.annotation.Nullable;

/**
 * Builds a HikariCP pool from a JDBC URL, with only what HikariCP 4.0.3 (the version Spring Boot 2.7 manages)
 * offers. Loaded only when a store is built from a URL, so that HikariCP stays an optional dependency.
 */
final class HikariPools {

  private HikariPools() {}

  static boolean available() {
    try {
      Class.forName("com.zaxxer.hikari.HikariDataSource", false, HikariPools.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * A small pool at READ COMMITTED, failing fast when the database cannot be reached.
   *
   * @param url the JDBC URL
   * @param user the user, or null if the URL carries it
   * @param password the password, or null
   * @param maxSize the most connections
   */
  static HikariDataSource create(String url, @Nullable String user, @Nullable String password, int maxSize) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("keel-store");
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(maxSize);
    config.setMinimumIdle(Math.min(2, maxSize));
    config.setConnectionTimeout(5_000);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }
}
