package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on an in-memory H2 database. */
class H2MemoryStoreContractTest extends JdbcStoreContract {

  private static HikariDataSource pool;

  @BeforeAll
  static void database() {
    pool = TestStores.h2Memory("contract");
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
