package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.testkit.Configs;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the store does with a real database beyond the contract: migrations, the database's clock, and failures
 * of the database. Each test works under a table prefix of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest {

  private static final Instant EPOCH = Instant.EPOCH;
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

  HikariDataSource pool;

  /** A pool on a fresh database for the test class. */
  abstract HikariDataSource newPool();

  abstract Dialect expectedDialect();

  @BeforeAll
  void database() {
    pool = newPool();
  }

  @AfterAll
  void close() {
    pool.close();
  }

  private JdbcKeelStoreBuilder store(String prefix) {
    return TestStores.builder(pool).tablePrefix(prefix);
  }

  private List<List<Object>> history(String prefix) throws SQLException {
    try (Connection c = pool.getConnection()) {
      return Database.query(c, "SELECT version, checksum, applied_at FROM " + prefix + "schema_history ORDER BY version",
          rs -> List.of(rs.getInt(1), rs.getString(2), rs.getLong(3)));
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void theDialectIsFoundFromTheConnection() {
    assertThat(store("d_").build().dialect()).isEqualTo(expectedDialect());
  }

  // ---- migrations

  @Test
  void anEmptyDatabaseIsMigratedToTheLatestSchema() throws SQLException {
    store("m1_").build();

    List<List<Object>> history = history("m1_");
    assertThat(history).hasSize(Migrator.SCRIPTS.size());
    assertThat(history.get(0).get(1)).isEqualTo(Migrator.load(expectedDialect().sql().scripts()).get(0).checksum());
    try (Connection c = pool.getConnection()) {
      for (String table : TestStores.tables(new Tables("m1_"))) {
        assertThat(Database.query(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1))).containsExactly(0L);
      }
    }
  }

  @Test
  void migratingAgainChangesNothing() throws SQLException {
    store("m2_").build();
    List<List<Object>> before = history("m2_");

    store("m2_").build();

    assertThat(history("m2_")).isEqualTo(before);
  }

  @Test
  void twoMigratorsAtOnceApplyEachScriptOnce() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<JdbcKeelStore>> built = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        built.add(threads.submit(() -> {
          start.await();
          return store("m3_").build();
        }));
      }
      start.countDown();
      for (Future<JdbcKeelStore> f : built) {
        f.get(2, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(history("m3_")).hasSize(Migrator.SCRIPTS.size());
  }

  @Test
  void aScriptThatChangedAfterItRanStopsTheStore() throws SQLException {
    store("m4_").build();
    execute("UPDATE m4_schema_history SET checksum = 'f00d' WHERE version = 1");

    assertThatThrownBy(() -> store("m4_").build()).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("V001").hasMessageContaining("checksum f00d")
        .hasMessageContaining(Migrator.load(expectedDialect().sql().scripts()).get(0).checksum())
        .hasMessageContaining("'m4_'");
  }

  @Test
  void aSchemaNewerThanTheCodeStopsTheStore() throws SQLException {
    store("m5_").build();
    int latest = Migrator.SCRIPTS.size();
    execute("INSERT INTO m5_schema_history (version, description, checksum, applied_at) VALUES (" + (latest + 1)
        + ", 'future', 'abc', 0)");

    assertThatThrownBy(() -> store("m5_").build()).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("schema version " + (latest + 1) + ", newer than this code's version " + latest);
    assertThatThrownBy(() -> store("m5_").migrate(false).build()).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("newer");
  }

  @Test
  void tablesOfTheFirstSchemaWithDataMigrateToTheLatestAndKeepIt() throws SQLException {
    JdbcKeelStore first = store("m8_").build();
    DeliveryConfig config = Configs.single("fnord", "test", Configs.thing("a", "fnord", 1));
    first.storeDeliveryConfig(config, EPOCH);
    // Back to schema 1 as its release left it: without the submitted document's columns.
    execute("ALTER TABLE m8_delivery_config DROP COLUMN source_text");
    execute("ALTER TABLE m8_delivery_config DROP COLUMN source_name");
    execute("DELETE FROM m8_schema_history WHERE version > 1");

    JdbcKeelStore migrated = store("m8_").build();

    assertThat(history("m8_")).hasSize(Migrator.SCRIPTS.size());
    assertThat(migrated.deliveryConfig(config.name())).contains(config);
    assertThat(migrated.submittedDocument(config.name())).isEmpty();
    migrated.storeDeliveryConfig(config, new SubmittedDocument("fnord.yml", "application: fnord\n"), EPOCH);
    assertThat(migrated.submittedDocument(config.name())).contains(new SubmittedDocument("fnord.yml", "application: fnord\n"));
  }

  @Test
  void withoutMigrationsAMissingSchemaIsAClearError() {
    assertThatThrownBy(() -> store("m6_").migrate(false).build()).isInstanceOf(SchemaMismatchException.class)
        .hasMessageContaining("no Keel tables under the prefix 'm6_'").hasMessageContaining("migrations are off");
  }

  @Test
  void withoutMigrationsAnUpToDateSchemaIsUsed() {
    store("m7_").build();

    JdbcKeelStore store = store("m7_").migrate(false).build();

    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), EPOCH);
    assertThat(store.resources()).hasSize(1);
  }

  @Test
  void storesUnderDifferentPrefixesDoNotSeeEachOther() {
    JdbcKeelStore one = store("p1_").build();
    JdbcKeelStore two = store("p2_").build();

    one.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), EPOCH);

    assertThat(two.deliveryConfigs()).isEmpty();
    assertThat(one.deliveryConfigs()).hasSize(1);
  }

  // ---- the database's clock

  private JdbcKeelStore onDatabaseClock(String prefix) {
    JdbcKeelStore store = store(prefix).clockSource(ClockSource.DATABASE).build();
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), EPOCH);
    return store;
  }

  @Test
  void leasesRunOnTheDatabasesClockWhateverTheEnginesSay() {
    JdbcKeelStore store = onDatabaseClock("c1_");
    DueCheck claim = store.claimDue(EPOCH, 10, "slow", Duration.ofHours(1)).get(0);

    assertThat(store.claimDue(FAR_FUTURE, 10, "fast", Duration.ofHours(1)))
        .as("the lease lasts an hour of the database's time, not of the time given").isEmpty();
    store.beginActuation("fake:thing:a", claim.lease("slow"), "corr-1", FAR_FUTURE);
  }

  @Test
  void onTheDatabasesClockAnExpiredLeaseIsTakenOverAndItsHolderStopped() {
    JdbcKeelStore store = onDatabaseClock("c2_");
    Lease gone = store.claimDue(FAR_FUTURE, 10, "slow", Duration.ZERO).get(0).lease("slow");

    assertThatThrownBy(() -> store.beginActuation("fake:thing:a", gone, "corr-1", EPOCH))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("expired");
    DueCheck taken = store.claimDue(EPOCH, 10, "fast", Duration.ofHours(1)).get(0);

    assertThat(taken.fence()).isGreaterThan(gone.fence());
    assertThat(store.renewLease("fake:thing:a", gone, EPOCH, Duration.ofHours(1))).isFalse();
    assertThatThrownBy(() -> store.beginActuation("fake:thing:a", gone, "corr-1", EPOCH))
        .isInstanceOf(LeaseLostException.class).hasMessageContaining("claimed again by fast");
  }

  @Test
  void onTheDatabasesClockARenewalKeepsALeaseThatNobodyTookOver() {
    JdbcKeelStore store = onDatabaseClock("c3_");
    Lease lease = store.claimDue(EPOCH, 10, "slow", Duration.ZERO).get(0).lease("slow");

    assertThat(store.renewLease("fake:thing:a", lease, EPOCH, Duration.ofHours(1))).isTrue();

    assertThat(store.claimDue(FAR_FUTURE, 10, "fast", Duration.ofHours(1))).isEmpty();
  }

  // ---- failures of the database

  @Test
  void aConnectionLostAnywhereInASubmissionLeavesNothingOfIt() {
    String prefix = "f1_";
    store(prefix).build();
    for (int failAt = 1; ; failAt++) {
      TestStores.wipe(pool, new Tables(prefix));
      FailingDataSource failing = new FailingDataSource(pool, failAt);
      JdbcKeelStore store = TestStores.builder(failing).tablePrefix(prefix).migrate(false).build();
      failing.arm();
      try {
        store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
            Configs.thing("b", "fnord", 1), Configs.thing("c", "fnord", 1)), EPOCH);
      } catch (JdbcStoreException e) {
        assertThat(e).hasMessageContaining("store delivery config fnord-manifest").hasMessageContaining("connection lost");
        failing.disarm();
        assertThat(store.deliveryConfigs()).as("after a failure at statement %d", failAt).isEmpty();
        assertThat(store.resources()).isEmpty();
        assertThat(store.nextDue()).isEmpty();
        continue;
      }
      failing.disarm();
      assertThat(failAt).as("the submission ran some statements").isGreaterThan(5);
      assertThat(store.resources()).hasSize(3);
      assertThat(store.claimDue(EPOCH, 10, "me", Duration.ofMinutes(1))).hasSize(3);
      return;
    }
  }

  @Test
  void aConnectionLostDuringALeasedWriteKeepsTheLeaseAndWritesNothing() {
    String prefix = "f2_";
    store(prefix).build();
    FailingDataSource failing = new FailingDataSource(pool, 2);
    JdbcKeelStore store = TestStores.builder(failing).tablePrefix(prefix).migrate(false).build();
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), EPOCH);
    Lease lease = store.claimDue(EPOCH, 10, "me", Duration.ofMinutes(5)).get(0).lease("me");
    dev.keel.engine.store.ResourceState state = dev.keel.engine.store.ResourceState.initial("fake:thing:a")
        .checked(dev.keel.engine.store.CheckResult.IN_SYNC, EPOCH, null);

    failing.arm();
    assertThatThrownBy(() -> store.saveState(state, lease)).isInstanceOf(JdbcStoreException.class);
    failing.disarm();

    assertThat(store.state("fake:thing:a")).isEqualTo(dev.keel.engine.store.ResourceState.initial("fake:thing:a"));
    store.saveState(state, lease);
    assertThat(store.state("fake:thing:a")).isEqualTo(state);
  }
}
