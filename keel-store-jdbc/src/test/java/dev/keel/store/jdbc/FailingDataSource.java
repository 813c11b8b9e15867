package dev.keel.store.jdbc;

import dev.keel.testkit.db.InterceptingDataSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source whose connections, once armed, lose their connection at the n-th statement execution or commit:
 * that call fails with SQLState 08006 as a dropped connection would, without reaching the database.
 */
final class FailingDataSource extends InterceptingDataSource {

  private final int failAt;
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger calls = new AtomicInteger();

  FailingDataSource(DataSource delegate, int failAt) {
    super(delegate);
    this.failAt = failAt;
  }

  void arm() {
    calls.set(0);
    armed.set(true);
  }

  void disarm() {
    armed.set(false);
  }

  @Override
  protected Object roundTrip(String method, String sql, RoundTrip call) throws Throwable {
    if (!method.equals("rollback") && armed.get() && calls.incrementAndGet() == failAt) {
      throw new SQLException("connection lost (simulated)", "08006");
    }
    return call.proceed();
  }
}
