package dev.keel.store.jdbc;

import dev.keel.engine.store.KeelStore;
import dev.keel.testkit.StoreContract;
import javax.sql.DataSource;

/** keel-testkit's StoreContract, every concern, on one database per test class, emptied before each test. */
abstract class JdbcStoreContract extends StoreContract {

  /** The test class's database. */
  abstract DataSource dataSource();

  @Override
  protected KeelStore newStore() {
    return TestStores.fresh(dataSource());
  }
}
