package dev.keel.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testkit.db.TestDatabase;
import dev.keel.testkit.db.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The databases the JDBC benchmarks run on: a fresh database on keel-testkit's throwaway PostgreSQL (unpacked under
 * the system temporary directory unless {@code keel.testdb.dir} says otherwise), or a fresh H2 file.
 */
final class BenchmarkDatabases {

  private BenchmarkDatabases() {}

  /** A fresh PostgreSQL database: the JMH fork's own throwaway server, or the one KEEL_TEST_POSTGRES_URL names. */
  static TestDatabase postgres() {
    if (System.getProperty("keel.testdb.dir") == null) {
      System.setProperty("keel.testdb.dir", Path.of(System.getProperty("java.io.tmpdir"), "keel-benchmark-databases")
          .toString());
    }
    return TestDatabases.postgres();
  }

  /** The JDBC URL of a fresh H2 file database in a new temporary directory. */
  static String h2File() {
    try {
      return "jdbc:h2:file:" + Files.createTempDirectory("keel-benchmark-h2").resolve("keel");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A pool as the store builds from a URL: READ COMMITTED, auto-commit. */
  static HikariDataSource pool(String url, String user, String password, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("keel-benchmark");
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(size);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    return new HikariDataSource(config);
  }
}
