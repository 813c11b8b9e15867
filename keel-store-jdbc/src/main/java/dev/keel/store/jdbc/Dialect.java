package dev.keel.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * The databases the store runs on. The store finds the dialect from the connection's metadata
 * ({@link #detect(Connection)}); a builder may also name it.
 */
public enum Dialect {

  /** H2 2.x, embedded (in memory or in a file): one process only. Claims by compare-and-set. */
  H2(new SqlDialect.H2()),

  /** PostgreSQL 12 or newer, shared by several instances. Claims with one {@code UPDATE ... RETURNING}. */
  POSTGRESQL(new SqlDialect.Postgres()),

  /** MySQL 8.0.1 or newer, or MariaDB 10.6 or newer, shared by several instances. Claims with {@code SKIP LOCKED}. */
  MYSQL(new SqlDialect.MySql());

  private final SqlDialect sql;

  Dialect(SqlDialect sql) {
    this.sql = sql;
  }

  SqlDialect sql() {
    return sql;
  }

  /**
   * The dialect of a connection's database, from its metadata.
   *
   * @param connection an open connection
   * @return the dialect
   * @throws SQLException if the metadata cannot be read
   * @throws IllegalArgumentException naming the database and version if it is not supported
   */
  public static Dialect detect(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    String version = meta.getDatabaseProductVersion();
    int major = meta.getDatabaseMajorVersion();
    int minor = meta.getDatabaseMinorVersion();
    String name = product.toLowerCase(java.util.Locale.ROOT);
    if (name.equals("h2")) {
      return require(H2, major >= 2, product, version, "2.x");
    }
    if (name.equals("postgresql")) {
      return require(POSTGRESQL, major >= 12, product, version, "12 or newer");
    }
    if (name.equals("mariadb") || version.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
      int[] mariadb = mariadbVersion(version, major, minor);
      return require(MYSQL, mariadb[0] > 10 || (mariadb[0] == 10 && mariadb[1] >= 6), product, version,
          "MariaDB 10.6 or newer");
    }
    if (name.equals("mysql")) {
      return require(MYSQL, major > 8 || (major == 8 && (minor > 0 || patchOf(version) >= 1)), product, version,
          "MySQL 8.0.1 or newer");
    }
    throw new IllegalArgumentException("The Keel JDBC store does not support " + product + " " + version
        + "; it runs on H2 2.x, PostgreSQL 12+, MySQL 8.0.1+ and MariaDB 10.6+");
  }

  private static Dialect require(Dialect dialect, boolean supported, String product, String version, String needed) {
    if (!supported) {
      throw new IllegalArgumentException("The Keel JDBC store needs " + needed + " (for SKIP LOCKED and the types it "
          + "uses), but the database is " + product + " " + version);
    }
    return dialect;
  }

  /** MariaDB's own version, also when a MySQL driver reports it behind a {@code 5.5.5-} prefix. */
  private static int[] mariadbVersion(String version, int major, int minor) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)").matcher(version);
    return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {major, minor};
  }

  private static int patchOf(String version) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\d+\\.\\d+\\.(\\d+)").matcher(version);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
