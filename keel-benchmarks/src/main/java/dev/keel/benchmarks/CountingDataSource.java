package dev.keel.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the round trips the store makes: statement executions and commits (each of which the
 * driver sends to the server), so that a benchmark can say how many a check costs.
 */
final class CountingDataSource implements DataSource {

  private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "executeBatch", "commit", "rollback");

  private final DataSource delegate;
  final LongAdder roundTrips = new LongAdder();
  /** Time and count per statement text, when profiling ({@code -Dkeel.benchmark.profileSql=true}). */
  private final Map<String, long[]> profile = new ConcurrentHashMap<>();
  private final boolean profiling = Boolean.getBoolean("keel.benchmark.profileSql");

  CountingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = delegate.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (ROUND_TRIPS.contains(method.getName())) {
            roundTrips.increment();
          }
          long start = System.nanoTime();
          Object result = invoke(real, method, args);
          if (profiling && method.getName().equals("commit")) {
            record("COMMIT", start);
          }
          if (result instanceof Statement s) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                (p, m, a) -> {
                  if (!ROUND_TRIPS.contains(m.getName())) {
                    return invoke(s, m, a);
                  }
                  roundTrips.increment();
                  long t = System.nanoTime();
                  try {
                    return invoke(s, m, a);
                  } finally {
                    if (profiling) {
                      record(sql, t);
                    }
                  }
                });
          }
          return result;
        });
  }

  private void record(String sql, long start) {
    long[] entry = profile.computeIfAbsent(sql.length() > 160 ? sql.substring(0, 160) : sql, k -> new long[2]);
    synchronized (entry) {
      entry[0]++;
      entry[1] += System.nanoTime() - start;
    }
  }

  /** Prints the statements by the time spent in them, most first, and forgets them. */
  void printProfile(long checks) {
    if (!profiling) {
      return;
    }
    profile.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(15)
        .forEach(e -> System.out.printf("  %8.1f us/check %6.2f/check  %s%n", e.getValue()[1] / 1e3 / checks,
            (double) e.getValue()[0] / checks, e.getKey()));
    profile.clear();
  }

  private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return delegate.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    delegate.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    delegate.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return delegate.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return delegate.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return delegate.isWrapperFor(iface);
  }
}
