package dev.keel.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import javax.sql.DataSource;

/**
 * The store's way to the database: short transactions at READ COMMITTED, retried when they lose a conflict
 * with another (a deadlock, a serialization failure, a lock timeout), every failure rolled back and turned into
 * a {@link JdbcStoreException} naming the operation. A connection is taken for one operation and given back;
 * its auto-commit and isolation are restored. The isolation each physical connection had when the store first used
 * it is remembered, because some drivers (PostgreSQL's) ask the server for it on every call: a connection already at
 * READ COMMITTED, as a pool the store builds hands out, costs no round trip for it. Times are stored as microseconds since the epoch, in
 * {@code BIGINT} columns every database orders and compares the same way.
 */
final class Database {

  private static final int ATTEMPTS = 5;

  final DataSource dataSource;
  final SqlDialect sql;
  private final ClockSource clockSource;
  /** The isolation each physical connection had when first used, while it lives. */
  private final Map<Connection, Integer> isolations = Collections.synchronizedMap(new WeakHashMap<>());

  Database(DataSource dataSource, SqlDialect sql, ClockSource clockSource) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.clockSource = clockSource;
  }

  /** Work done over one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * Runs work in one transaction, retried on conflicts with other transactions.
   *
   * @param what the operation, for error messages ("store delivery config x")
   */
  <T> T transaction(String what, Work<T> work) {
    return run(what, work, false, false);
  }

  /** A transaction that is retried also when it hit a duplicate key that a concurrent transaction inserted. */
  <T> T transactionRetryingDuplicates(String what, Work<T> work) {
    return run(what, work, false, true);
  }

  /** Work of one statement, or of statements each atomic on its own, without a transaction around them. */
  <T> T autoCommit(String what, Work<T> work) {
    return run(what, work, true, false);
  }

  private <T> T run(String what, Work<T> work, boolean autoCommit, boolean retryDuplicates) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean wasAutoCommit = c.getAutoCommit();
        int wasIsolation = isolationOf(c);
        try {
          if (wasIsolation != Connection.TRANSACTION_READ_COMMITTED) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
          }
          if (wasAutoCommit != autoCommit) {
            c.setAutoCommit(autoCommit);
          }
          T result = work.run(c);
          if (!autoCommit) {
            c.commit();
          }
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          if (!autoCommit) {
            rollbackQuietly(c, e);
          }
          throw e;
        } finally {
          restore(c, wasAutoCommit, wasIsolation);
        }
      } catch (SQLException e) {
        boolean retry = sql.isTransient(e) || (retryDuplicates && sql.isUniqueViolation(e));
        if (!retry || attempt == ATTEMPTS) {
          throw new JdbcStoreException("Could not " + what + ": " + describe(e)
              + (retry ? " (after " + ATTEMPTS + " attempts)" : ""), e);
        }
      }
    }
  }

  private static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The isolation a connection is at when the store takes it: read once per physical connection. */
  private int isolationOf(Connection c) throws SQLException {
    Connection physical = c.isWrapperFor(Connection.class) ? c.unwrap(Connection.class) : c;
    Integer known = isolations.get(physical);
    if (known != null) {
      return known;
    }
    int isolation = c.getTransactionIsolation();
    isolations.put(physical, isolation);
    return isolation;
  }

  private static void restore(Connection c, boolean autoCommit, int isolation) {
    try {
      if (!c.isClosed()) {
        if (c.getAutoCommit() != autoCommit) {
          c.setAutoCommit(autoCommit);
        }
        if (isolation != Connection.TRANSACTION_NONE && isolation != Connection.TRANSACTION_READ_COMMITTED) {
          c.setTransactionIsolation(isolation);
        }
      }
    } catch (SQLException e) {
      // The connection is broken; the pool finds out when it is given back.
    }
  }

  static String describe(SQLException e) {
    StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
    s.append(" (SQLState ").append(e.getSQLState()).append(", error ").append(e.getErrorCode()).append(')');
    return s.toString();
  }

  /**
   * The time leases are judged by: the database's clock, or the engine's time given.
   *
   * @param c a connection of the current operation
   * @param given the engine's time
   */
  long leaseNow(Connection c, Instant given) throws SQLException {
    return clockSource == ClockSource.DATABASE ? SqlDialect.queryLong(c, sql.nowMicros()) : micros(given);
  }

  static int update(Connection c, String statement, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, statement, args)) {
      return ps.executeUpdate();
    }
  }

  static <T> List<T> query(Connection c, String statement, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, statement, args); ResultSet rs = ps.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rs.next()) {
        result.add(row.map(rs));
      }
      return result;
    }
  }

  static <T> Optional<T> queryOne(Connection c, String statement, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, statement, args); ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.ofNullable(row.map(rs)) : Optional.empty();
    }
  }

  static PreparedStatement prepare(Connection c, String statement, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(statement);
    try {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /** Question marks for an IN list. */
  static String in(int n) {
    return "(" + SqlDialect.placeholders(n) + ")";
  }

  /** Microseconds since the epoch, saturated at the ends of {@code long}. */
  static long micros(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
