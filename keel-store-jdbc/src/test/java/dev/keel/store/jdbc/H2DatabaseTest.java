package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** Migrations, the database's clock and database failures on H2. */
class H2DatabaseTest extends DatabaseTest {
  @Override
  HikariDataSource newPool() {
    return TestStores.h2Memory("database-test");
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.H2;
  }
}
