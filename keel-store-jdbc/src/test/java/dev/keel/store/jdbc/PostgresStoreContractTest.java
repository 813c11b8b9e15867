package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.testkit.db.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on PostgreSQL. */
class PostgresStoreContractTest extends JdbcStoreContract {

  private static HikariDataSource pool;

  @BeforeAll
  static void database() {
    pool = TestStores.pool(TestDatabases.postgres(), 10);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  DataSource dataSource() {
    return pool;
  }
}
