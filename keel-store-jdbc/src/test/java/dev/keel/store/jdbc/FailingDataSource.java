package dev.keel.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
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
 * A data source whose connections, once armed, lose their connection at the n-th statement execution or commit:
 * that call fails with SQLState 08006 as a dropped connection would, without reaching the database.
 */
final class FailingDataSource implements DataSource {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
      "executeBatch");

  private final DataSource delegate;
  private final int failAt;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger calls = new AtomicInteger();

  FailingDataSource(DataSource delegate, int failAt) {
    this.delegate = delegate;
    this.failAt = failAt;
  }

  void arm() {
    calls.set(0);
    armed.set(true);
  }

  void disarm() {
    armed.set(false);
  }

  private void count() throws SQLException {
    if (armed.get() && calls.incrementAndGet() == failAt) {
      throw new SQLException("connection lost (simulated)", "08006");
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection real = delegate.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (InvocationHandler) (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            count();
          }
          Object result = invoke(real, method, args);
          if (result instanceof Statement s) {
            Class<?> type = method.getReturnType();
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {type},
                (InvocationHandler) (p, m, a) -> {
                  if (EXECUTIONS.contains(m.getName())) {
                    count();
                  }
                  return invoke(s, m, a);
                });
          }
          return result;
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
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
