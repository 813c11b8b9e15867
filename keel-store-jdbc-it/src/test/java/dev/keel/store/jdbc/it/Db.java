package dev.keel.store.jdbc.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testkit.db.TestDatabase;
import dev.keel.testkit.db.TestDatabases;
import java.nio.file.Path;
import java.util.UUID;
import javax.annotation.Nullable;

/**
 * A fresh database for one test: an H2 file under {@code target/}, or a database on keel-testkit's throwaway
 * PostgreSQL or MariaDB server.
 *
 * @param kind what it is, for messages
 * @param url its JDBC URL
 * @param user the user, or null when the URL carries it
 * @param password the password, or null
 */
record Db(String kind, String url, @Nullable String user, @Nullable String password) {

  static Db h2File() {
    Path dir = Path.of("target", "h2", UUID.randomUUID().toString()).toAbsolutePath();
    return new Db("H2", "jdbc:h2:file:" + dir.resolve("keel"), null, null);
  }

  static Db postgres() {
    return of("PostgreSQL", TestDatabases.postgres());
  }

  static Db mariadb() {
    return of("MariaDB", TestDatabases.mariadb());
  }

  private static Db of(String kind, TestDatabase db) {
    return new Db(kind, db.url(), db.user(), db.password());
  }

  /** A pool of its own on the database, as one engine instance would have. */
  HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(5_000);
    config.setValidationTimeout(1_000);
    return new HikariDataSource(config);
  }
}
