package dev.keel.store.jdbc.it;

import dev.keel.testkit.db.InterceptingDataSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that can be cut off from its database, as by a database that stops or a network that fails: while
 * down, new connections are refused (SQLState 08001) and every statement and commit on a connection taken before
 * fails as a dropped connection does (08006), without reaching the database. Up again, it works as before.
 */
final class Outage extends InterceptingDataSource {

  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicInteger refused = new AtomicInteger();

  Outage(DataSource delegate) {
    super(delegate);
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
  protected void beforeConnect() throws SQLException {
    reachable("08001");
  }

  @Override
  protected Object roundTrip(String method, String sql, RoundTrip call) throws Throwable {
    if (!method.equals("rollback")) {
      reachable("08006");
    }
    return call.proceed();
  }
}
