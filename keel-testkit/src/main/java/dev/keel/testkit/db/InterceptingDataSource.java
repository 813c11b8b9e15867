package dev.keel.testkit.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that hands out its delegate's connections with every call that reaches the server passed through
 * one method, {@link #roundTrip}: statement executions, commits and rollbacks. For test doubles of a database that
 * fails (drops connections, is down for a while) and for counting or timing what a store sends, without a proxy
 * library. Everything else is forwarded unchanged.
 */
public abstract class InterceptingDataSource implements DataSource {

  /** The JDBC methods that send something to the server: executions, then {@code commit} and {@code rollback}. */
  public static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "executeBatch", "commit", "rollback");

  private final DataSource delegate;

  /**
   * Wraps a data source.
   *
   * @param delegate the data source whose connections are handed out
   */
  protected InterceptingDataSource(DataSource delegate) {
    this.delegate = delegate;
  }

  /** A round trip to the server, to make or to refuse. */
  @FunctionalInterface
  public interface RoundTrip {
    /**
     * Makes the call.
     *
     * @return what the JDBC method returned
     * @throws Throwable what it threw
     */
    Object proceed() throws Throwable;
  }

  /**
   * Called before the delegate is asked for a connection; throws to refuse one. Does nothing by default.
   *
   * @throws SQLException to refuse the connection
   */
  protected void beforeConnect() throws SQLException {}

  /**
   * Called for each round trip; proceeds by default.
   *
   * @param method the JDBC method: one of {@link #ROUND_TRIPS}
   * @param sql the statement's text when the statement was prepared with it, {@code COMMIT} or {@code ROLLBACK},
   *     else {@code ?}
   * @param call the call, to proceed with or not
   * @return what the call returned
   * @throws Throwable what the call threw, or a failure in its place
   */
  protected Object roundTrip(String method, String sql, RoundTrip call) throws Throwable {
    return call.proceed();
  }

  @Override
  public Connection getConnection() throws SQLException {
    beforeConnect();
    Connection real = delegate.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          String name = method.getName();
          if (name.equals("commit") || name.equals("rollback") && (args == null || args.length == 0)) {
            return roundTrip(name, name.toUpperCase(java.util.Locale.ROOT), () -> invoke(real, method, args));
          }
          Object result = invoke(real, method, args);
          if (result instanceof Statement s) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "?";
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {method.getReturnType()},
                (p, m, a) -> ROUND_TRIPS.contains(m.getName())
                    ? roundTrip(m.getName(), sql, () -> invoke(s, m, a)) : invoke(s, m, a));
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
    throw new SQLFeatureNotSupportedException("an intercepting data source hands out its delegate's connections");
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
