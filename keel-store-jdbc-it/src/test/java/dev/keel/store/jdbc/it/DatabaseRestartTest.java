package dev.keel.store.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.schedule.Backoff;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.db.StoppablePostgres;
import dev.keel.testkit.db.TestDatabase;
import dev.keel.testkit.db.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server under an engine stops in the middle of a run, with a check of a drifted resource in progress,
 * and comes back: while it is down the engine reports the check's store failure and acts on nothing; once it is up
 * the same engine and pool, untouched, correct the drift once; the database is consistent afterwards, as a second
 * store opened on it finds (schema intact, every resource scheduled once, no task left open, claims work).
 */
class DatabaseRestartTest {

  private static final String APP = "fnord";
  private static final String WEB = "fake:thing:web";
  private static final List<String> IDS = List.of(WEB, "fake:thing:api", "fake:thing:worker");

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private StoppablePostgres server;
  private HikariDataSource pool;
  private EngineHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.engine().close();
    }
    scheduler.close();
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A pool that gives up on a connection after half a second, as the engine's calls wait for it on real time. */
  private static HikariDataSource pool(TestDatabase db) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("engine");
    config.setJdbcUrl(db.url());
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(500);
    config.setValidationTimeout(250);
    return new HikariDataSource(config);
  }

  @Test
  void aCheckCutOffByTheDatabaseIsReportedAndTheDriftIsCorrectedOnceWhenTheDatabaseIsBack() {
    server = TestDatabases.stoppablePostgres();
    TestDatabase db = server.newDatabase();
    pool = pool(db);
    VirtualScheduler.Hold hold = scheduler.hold();
    AtomicBoolean holding = new AtomicBoolean();
    FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
      if (holding.get() && name.equals("web")) {
        hold.await();
      }
    }).build();
    harness = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10))
            .retryBackoff(new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1))).build())
        .engine(b -> b.handler(handler).taskMonitor(cloud).store(kinds -> JdbcKeelStore.builder().dataSource(pool)
            .kinds(kinds).clockSource(ClockSource.ENGINE).build()))
        .build();
    for (String id : IDS) {
      cloud.put(name(id), new FakeModel(1, "1.0"));
    }
    DeliveryConfig config = Configs.single(APP, "test", Configs.thing("web", APP, 1), Configs.thing("api", APP, 1),
        Configs.thing("worker", APP, 1));
    harness.engine().submit(config);
    harness.engine().start();
    harness.runUntilIdle();
    IDS.forEach(id -> assertThat(harness.status(id)).as(id).isEqualTo(ResourceStatus.HAPPY));

    cloud.put("web", new FakeModel(2, "1.0"));
    holding.set(true);
    harness.engine().checkNow(WEB);
    harness.runUntilIdle(); // the check is inside current(), having read the drifted cloud
    server.stop();
    holding.set(false);
    hold.release();
    harness.advance(Duration.ofMinutes(3));

    assertThat(harness.events(WEB, ResourceEvent.CheckError.class)).as("errors reported while the database is down")
        .isNotEmpty().allSatisfy(e -> assertThat(e.phase()).isEqualTo("store"));
    assertThat(cloud.launchedTasks()).as("actuations while the database is down").isZero();

    server.start();
    harness.advance(Duration.ofMinutes(5));

    IDS.forEach(id -> assertThat(harness.status(id)).as(id).isEqualTo(ResourceStatus.HAPPY));
    assertThat(cloud.get("web")).contains(new FakeModel(1, "1.0"));
    assertThat(cloud.launchedTasks()).as("the drift is corrected once").isEqualTo(1);

    try (JdbcKeelStore audit = JdbcKeelStore.builder().jdbcUrl(db.url(), null, null).maxPoolSize(2).migrate(false)
        .kinds(harness.engine().registry()).clockSource(ClockSource.ENGINE).build()) {
      assertThat(audit.deliveryConfig(config.name())).contains(config);
      assertThat(audit.incompleteTasks()).isEmpty();
      List<TaskRecord> tasks = audit.tasks(WEB);
      assertThat(tasks).hasSize(1).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
      assertThat(audit.history(WEB, 1_000)).filteredOn(ResourceEvent.TaskSucceeded.class::isInstance).hasSize(1);
      IDS.forEach(id -> assertThat(audit.dueAt(id)).as(id).isPresent());
      Instant later = harness.now().plus(Duration.ofDays(1));
      List<DueCheck> claimed = audit.claimDue(later, 100, "auditor", Duration.ofMinutes(5));
      assertThat(claimed).extracting(DueCheck::resourceId).containsExactlyInAnyOrderElementsOf(IDS);
      assertThat(audit.claimDue(later, 100, "another", Duration.ofMinutes(5))).as("claimed ones are leased").isEmpty();
    }
  }

  private static String name(String id) {
    return id.substring(id.lastIndexOf(':') + 1);
  }
}
