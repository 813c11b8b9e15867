package dev.keel.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The statements that differ between the databases: the current time, upserts, how due checks are claimed, the
 * lock that serialises migrations, and which errors are worth a retry. Everything else the store says in SQL
 * all three accept.
 */
abstract class SqlDialect {

  /** How a claim of due checks gives each check to exactly one instance. */
  enum ClaimStyle {
    /** One {@code UPDATE ... FROM (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING} (PostgreSQL). */
    UPDATE_RETURNING,
    /** {@code SELECT ... FOR UPDATE SKIP LOCKED}, then {@code UPDATE}, in one transaction (MySQL, MariaDB). */
    SELECT_SKIP_LOCKED,
    /** A non-locking read of candidates, then one compare-and-set {@code UPDATE} each (H2; correct anywhere). */
    COMPARE_AND_SET
  }

  /** The directory of this dialect's migration scripts. */
  abstract String scripts();

  /** A query of one row and column: the database's current time in microseconds since the epoch. */
  abstract String nowMicros();

  abstract ClaimStyle claimStyle();

  /** An insert that replaces the row with the same key: parameters are the keys, then the values, in order. */
  abstract String upsert(String table, List<String> keys, List<String> values);

  /**
   * Takes the lock that lets one migrator at a time work on the tables of a prefix, waiting up to a minute.
   *
   * @return what releases it
   */
  abstract AutoCloseable lockSchema(DataSource dataSource, Connection connection, String prefix) throws SQLException;

  /** Whether a failure is a conflict with another transaction that the same work may succeed after. */
  boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || "55P03".equals(state);
  }

  /** Whether a failure is a duplicate key. */
  boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState()) || e.getErrorCode() == 1062;
  }

  static String columns(List<String> keys, List<String> values) {
    return String.join(", ", keys) + (values.isEmpty() ? "" : ", " + String.join(", ", values));
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static long queryLong(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("No row from " + sql);
        }
        long value = rs.getLong(1);
        if (rs.wasNull()) {
          throw new SQLException("NULL from " + sql);
        }
        return value;
      }
    }
  }

  /** H2 2.x. */
  static final class H2 extends SqlDialect {
    @Override
    String scripts() {
      return "h2";
    }

    @Override
    String nowMicros() {
      return "SELECT DATEDIFF('MICROSECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', CURRENT_TIMESTAMP)";
    }

    @Override
    ClaimStyle claimStyle() {
      return ClaimStyle.COMPARE_AND_SET;
    }

    @Override
    String upsert(String table, List<String> keys, List<String> values) {
      return "MERGE INTO " + table + " (" + columns(keys, values) + ") KEY (" + String.join(", ", keys) + ") VALUES ("
          + placeholders(keys.size() + values.size()) + ")";
    }

    /**
     * H2 commits on every DDL statement, so the lock is a row lock held by a second connection: other migrators
     * wait on that row while this one works.
     */
    @Override
    AutoCloseable lockSchema(DataSource dataSource, Connection connection, String prefix) throws SQLException {
      Connection holder = dataSource.getConnection();
      try (Statement s = holder.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS " + prefix + "schema_lock (id INT NOT NULL PRIMARY KEY)");
        try {
          s.execute("INSERT INTO " + prefix + "schema_lock (id) VALUES (1)");
        } catch (SQLException e) {
          if (!isUniqueViolation(e)) {
            throw e;
          }
        }
        long timeout = queryLong(holder, "SELECT LOCK_TIMEOUT()");
        s.execute("SET LOCK_TIMEOUT 60000");
        holder.setAutoCommit(false);
        s.executeQuery("SELECT id FROM " + prefix + "schema_lock WHERE id = 1 FOR UPDATE").close();
        return () -> {
          try (Statement r = holder.createStatement()) {
            holder.rollback();
            holder.setAutoCommit(true);
            r.execute("SET LOCK_TIMEOUT " + timeout);
          } finally {
            holder.close();
          }
        };
      } catch (SQLException | RuntimeException e) {
        holder.close();
        throw e;
      }
    }

    @Override
    boolean isTransient(SQLException e) {
      // 50200: lock timeout; 90131: concurrent update of a row.
      return super.isTransient(e) || e.getErrorCode() == 50200 || e.getErrorCode() == 90131;
    }
  }

  /** PostgreSQL 12+. */
  static final class Postgres extends SqlDialect {
    @Override
    String scripts() {
      return "postgresql";
    }

    @Override
    String nowMicros() {
      return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";
    }

    @Override
    ClaimStyle claimStyle() {
      return ClaimStyle.UPDATE_RETURNING;
    }

    @Override
    String upsert(String table, List<String> keys, List<String> values) {
      return "INSERT INTO " + table + " (" + columns(keys, values) + ") VALUES (" + placeholders(keys.size() + values.size())
          + ") ON CONFLICT (" + String.join(", ", keys) + ") DO " + (values.isEmpty() ? "NOTHING" : "UPDATE SET "
          + values.stream().map(v -> v + " = EXCLUDED." + v).collect(Collectors.joining(", ")));
    }

    /** A session advisory lock, keyed by the prefix, waiting at most a minute. */
    @Override
    AutoCloseable lockSchema(DataSource dataSource, Connection connection, String prefix) throws SQLException {
      long key = ("keel-schema:" + prefix).hashCode();
      try (Statement s = connection.createStatement()) {
        s.execute("SET lock_timeout = '60s'");
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
          ps.setLong(1, key);
          ps.executeQuery().close();
        } finally {
          s.execute("RESET lock_timeout");
        }
      }
      return () -> {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          ps.setLong(1, key);
          ps.executeQuery().close();
        }
      };
    }
  }

  /** MySQL 8.0.1+ and MariaDB 10.6+. */
  static final class MySql extends SqlDialect {
    @Override
    String scripts() {
      return "mysql";
    }

    @Override
    String nowMicros() {
      return "SELECT CAST(UNIX_TIMESTAMP(NOW(6)) * 1000000 AS SIGNED)";
    }

    @Override
    ClaimStyle claimStyle() {
      return ClaimStyle.SELECT_SKIP_LOCKED;
    }

    @Override
    String upsert(String table, List<String> keys, List<String> values) {
      List<String> updated = values.isEmpty() ? List.of(keys.get(0)) : values;
      return "INSERT INTO " + table + " (" + columns(keys, values) + ") VALUES (" + placeholders(keys.size() + values.size())
          + ") ON DUPLICATE KEY UPDATE " + updated.stream().map(v -> v + " = VALUES(" + v + ")")
          .collect(Collectors.joining(", "));
    }

    /** A named lock of the session, {@code GET_LOCK}, waiting at most a minute. */
    @Override
    AutoCloseable lockSchema(DataSource dataSource, Connection connection, String prefix) throws SQLException {
      String name = "keel_schema_" + prefix;
      try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 60)")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) != 1) {
            throw new SQLException("Timed out waiting for the schema lock " + name + ", held by another migrator");
          }
        }
      }
      return () -> {
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
          ps.setString(1, name);
          ps.executeQuery().close();
        }
      };
    }

    @Override
    boolean isTransient(SQLException e) {
      // 1213: deadlock; 1205: lock wait timeout.
      return super.isTransient(e) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205;
    }
  }
}
