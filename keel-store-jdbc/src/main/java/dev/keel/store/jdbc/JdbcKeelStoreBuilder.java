package dev.keel.store.jdbc;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.store.Retention;
import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;
import javax.sql.DataSource;

/** Configures a {@link JdbcKeelStore}; made by {@link JdbcKeelStore#builder()}. */
public final class JdbcKeelStoreBuilder {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,23}");

  @Nullable private DataSource dataSource;
  @Nullable private String url;
  @Nullable private String user;
  @Nullable private String password;
  private int maxPoolSize = 10;
  String prefix = "keel_";
  private boolean migrate = true;
  ClockSource clockSource = ClockSource.DATABASE;
  Retention retention = Retention.defaults();
  KindRegistry kinds = KindRegistry.builder().build();
  @Nullable private Dialect dialect;

  JdbcKeelStoreBuilder() {}

  /**
   * The host's data source, used as it is and never closed by the store; the way to go when the host has a
   * pool. Replaces a JDBC URL given before.
   *
   * @param dataSource the data source
   * @return this builder
   */
  public JdbcKeelStoreBuilder dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.url = null;
    return this;
  }

  /**
   * A JDBC URL to build a HikariCP pool from (HikariCP 4.0.3 or newer must be on the class path), closed with
   * the store. Replaces a data source given before.
   *
   * @param jdbcUrl the URL, such as {@code jdbc:h2:file:./keel} or {@code jdbc:postgresql://db:5432/keel}
   * @param username the user, or null if the URL carries it
   * @param pass the password, or null
   * @return this builder
   */
  public JdbcKeelStoreBuilder jdbcUrl(String jdbcUrl, @Nullable String username, @Nullable String pass) {
    this.url = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    this.user = username;
    this.password = pass;
    this.dataSource = null;
    return this;
  }

  /**
   * A JDBC URL that carries its credentials, if any.
   *
   * @param jdbcUrl the URL
   * @return this builder
   * @see #jdbcUrl(String, String, String)
   */
  public JdbcKeelStoreBuilder jdbcUrl(String jdbcUrl) {
    return jdbcUrl(jdbcUrl, null, null);
  }

  /**
   * The size of the pool built from a JDBC URL; 10 by default.
   *
   * @param size at least 1
   * @return this builder
   */
  public JdbcKeelStoreBuilder maxPoolSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("A pool needs at least one connection, not " + size);
    }
    this.maxPoolSize = size;
    return this;
  }

  /**
   * The prefix of every table the store creates; {@code keel_} by default. Stores with different prefixes share
   * a database without seeing each other.
   *
   * @param tablePrefix a lower-case letter, then up to 23 lower-case letters, digits and underscores
   * @return this builder
   */
  public JdbcKeelStoreBuilder tablePrefix(String tablePrefix) {
    if (!PREFIX.matcher(Objects.requireNonNull(tablePrefix, "tablePrefix")).matches()) {
      throw new IllegalArgumentException("Invalid table prefix '" + tablePrefix + "': use a lower-case letter, then up "
          + "to 23 lower-case letters, digits and underscores, such as keel_");
    }
    this.prefix = tablePrefix;
    return this;
  }

  /**
   * Whether {@link #build()} migrates the tables to this code's schema (the default), or only checks that they
   * are at it, for hosts that apply the scripts themselves.
   *
   * @param apply false to only check
   * @return this builder
   */
  public JdbcKeelStoreBuilder migrate(boolean apply) {
    this.migrate = apply;
    return this;
  }

  /**
   * Which clock lease times come from; the database's by default.
   *
   * @param source the clock
   * @return this builder
   */
  public JdbcKeelStoreBuilder clockSource(ClockSource source) {
    this.clockSource = Objects.requireNonNull(source, "source");
    return this;
  }

  /**
   * How long history and removed resources are kept; {@link Retention#defaults()} by default.
   *
   * @param keep the retention
   * @return this builder
   */
  public JdbcKeelStoreBuilder retention(Retention keep) {
    this.retention = Objects.requireNonNull(keep, "retention");
    return this;
  }

  /**
   * The kinds and types stored configs use, to read them back: the registry the engine builds from its
   * handlers and plugins. The built-in artifact and constraint types only, by default.
   *
   * @param registry the registry
   * @return this builder
   */
  public JdbcKeelStoreBuilder kinds(KindRegistry registry) {
    this.kinds = Objects.requireNonNull(registry, "registry");
    return this;
  }

  /**
   * The dialect, when detection from the connection's metadata is not wanted.
   *
   * @param forced the dialect
   * @return this builder
   */
  public JdbcKeelStoreBuilder dialect(Dialect forced) {
    this.dialect = Objects.requireNonNull(forced, "dialect");
    return this;
  }

  /**
   * Connects, migrates (or checks) the tables and builds the store.
   *
   * @return the store
   * @throws IllegalStateException if neither a data source nor a URL was given, or a URL was given without
   *     HikariCP on the class path
   * @throws IllegalArgumentException if the database is not one the store supports
   * @throws SchemaMismatchException if the tables do not match this code
   * @throws JdbcStoreException if the database cannot be reached or refuses the migration
   */
  public JdbcKeelStore build() {
    Closeable own = null;
    DataSource ds = dataSource;
    if (ds == null) {
      if (url == null) {
        throw new IllegalStateException("A JdbcKeelStore needs a dataSource(...) or a jdbcUrl(...)");
      }
      if (!HikariPools.available()) {
        throw new IllegalStateException("Building a JdbcKeelStore from a JDBC URL needs HikariCP on the class path "
            + "(com.zaxxer:HikariCP 4.0.3 or newer); add it, or pass the host's DataSource instead");
      }
      var pool = HikariPools.create(url, user, password, maxPoolSize);
      own = pool;
      ds = pool;
    }
    try {
      Dialect d = dialect;
      if (d == null) {
        try (Connection c = ds.getConnection()) {
          d = Dialect.detect(c);
        }
      }
      Migrator migrator = new Migrator(ds, d, prefix);
      if (migrate) {
        migrator.migrate();
      } else {
        migrator.verify();
      }
      return new JdbcKeelStore(ds, own, d, this);
    } catch (SQLException e) {
      closeQuietly(own, e);
      throw new JdbcStoreException("Could not start the Keel store on its database (tables under '" + prefix + "'): "
          + Database.describe(e), e);
    } catch (RuntimeException | Error e) {
      closeQuietly(own, e);
      throw e;
    }
  }

  private static void closeQuietly(@Nullable Closeable pool, Throwable cause) {
    if (pool != null) {
      try {
        pool.close();
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
