package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testkit.db.TestDatabases;

/** Migrations, the database's clock and database failures on Postgres. */
class PostgresDatabaseTest extends DatabaseTest {
  @Override
  HikariDataSource newPool() {
    return TestStores.pool(TestDatabases.postgres(), 4);
  }

  @Override
  Dialect expectedDialect() {
    return Dialect.POSTGRESQL;
  }
}
