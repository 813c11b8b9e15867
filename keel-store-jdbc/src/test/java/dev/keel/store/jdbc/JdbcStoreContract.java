package dev.keel.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.ResourceState;
import dev.keel.testkit.Configs;
import dev.keel.testkit.StoreContract;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** keel-testkit's StoreContract, every concern, on one database per test class, emptied before each test. */
abstract class JdbcStoreContract extends StoreContract {

  /** The test class's database. */
  abstract DataSource dataSource();

  @Override
  protected KeelStore newStore() {
    return TestStores.fresh(dataSource());
  }

  @Test
  void theStatusViewReadsStoredConfigsWithNoKindKnownAndWithoutMigrating() {
    KeelStore written = newStore();
    Instant at = Instant.parse("2026-01-05T09:00:00Z");
    written.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("b", "fnord", 1),
        Configs.deploying("a", "fnord", "app")), at);
    written.saveState(ResourceState.initial("fake:thing:b").checked(CheckResult.IN_SYNC, at, null));

    JdbcKeelStore kindless = JdbcKeelStore.builder().dataSource(dataSource()).migrate(false)
        .clockSource(ClockSource.ENGINE).build();

    assertThrows(IllegalStateException.class, kindless::deliveryConfigs, "the configs' kind is not known");
    assertEquals(written.storedStatuses(), kindless.storedStatuses());
  }
}
