package dev.keel.store.jdbc.it;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can be cut off from its database, as by a database that stops or a network that fails: while
 * down, new connections are refused (SQLState 08001) and every statement and commit on a connection taken before
 * fails as a dropped connection does (08006), without reaching the database. Up again, it works as before.
 */
final class Outage implements DataSource {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "executeBatch", "commit");

  private final DataSource delegate;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();

  Outage(DataSource delegate) {
    this.delegate = delegate;
  }

  void down() {
    down.set(true);
  }

  void up() {
    down.set(false);
  }

  /** How many calls were refused while down. */
  int refused() {
    return refused.get();
  }

  private void reachable(String state) throws SQLException {
    if (down.get()) {
      refused.incrementAndGet();
      throw new SQLException("the database cannot be reached (simulated outage)", state);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    reachable("08001");
    Connection real = delegate.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (EXECUTIONS.contains(method.getName())) {
            reachable("08006");
          }
          Object result = invoke(real, method, args);
          if (result instanceof Statement s) {
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                (p, m, a) -> {
                  if (EXECUTIONS.contains(m.getName())) {
                    reachable("08006");
                  }
                  return invoke(s, m, a);
                });
          }
          return result;
        });
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
    throw new SQLException("Not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
