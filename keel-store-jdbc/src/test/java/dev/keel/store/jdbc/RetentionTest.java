package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.Retention;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.testkit.Configs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the store forgets, and when: as the in-memory store does. */
class RetentionTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Retention RETENTION = new Retention(Duration.ofHours(1), 5, Duration.ofDays(1));
  private static final String A = "fake:thing:a";

  private HikariDataSource pool;
  private JdbcKeelStore store;

  @BeforeEach
  void store() {
    pool = TestStores.h2Memory("retention-" + System.identityHashCode(this));
    store = TestStores.builder(pool).retention(RETENTION).build();
  }

  @AfterEach
  void close() {
    pool.close();
  }

  private void eventAndTask(String id, Instant at, TaskState state) {
    store.appendEvent(new ResourceEvent.Created(id, "fnord", at));
    store.saveTask(new TaskRecord(new Task("t-" + at, "create", "fake", null), id, "fnord", at, state, null, null));
  }

  @Test
  void aRemovedResourcesHistoryAndTasksStayForTheGracePeriodThenGo() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);
    eventAndTask(A, T0, TaskState.RUNNING);

    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("b", "fnord", 1)), T0.plusSeconds(60));
    assertThat(store.history(A, 10)).hasSize(1);
    assertThat(store.tasks(A)).hasSize(1);

    store.claimDue(T0.plus(Duration.ofMinutes(62)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.history(A, 10)).isEmpty();
    assertThat(store.tasks(A)).isEmpty();
    assertThat(store.incompleteTasks()).isEmpty();
  }

  @Test
  void aResourceManagedAgainWithinTheGracePeriodKeepsItsHistory() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    eventAndTask(A, T0, TaskState.SUCCEEDED);
    store.storeDeliveryConfig(Configs.single("fnord", "test"), T0.plusSeconds(60));

    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0.plusSeconds(120));
    store.claimDue(T0.plus(Duration.ofHours(3)), 10, "keel", Duration.ofMinutes(1));

    assertThat(store.history(A, 10)).hasSize(1);
    assertThat(store.tasks(A)).hasSize(1);
  }

  @Test
  void historyAndCompletedTasksAreBoundedByCountAndAgeRunningTasksStay() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    eventAndTask(A, T0, TaskState.RUNNING);
    for (int i = 1; i <= 7; i++) {
      eventAndTask(A, T0.plusSeconds(i), TaskState.SUCCEEDED);
    }

    assertThat(store.history(A, 100)).hasSize(5);
    assertThat(store.tasks(A)).hasSize(6).anyMatch(t -> t.state() == TaskState.RUNNING);
    assertThat(store.incompleteTasks()).hasSize(1);

    store.appendEvent(new ResourceEvent.Valid(A, "fnord", T0.plus(Duration.ofDays(2))));
    assertThat(store.history(A, 100)).hasSize(1);
  }

  @Test
  void aDeletedConfigsPromotionStateAndItsApplicationsHistoryGoAfterTheGracePeriod() {
    EnvironmentArtifact where = new EnvironmentArtifact("fnord-manifest", "test", "fnord");
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.appendEvent(new ResourceEvent.Created(A, "fnord", T0));
    store.appendEvent(new ApplicationEvent.Paused("fnord", T0, "alice", null));
    store.savePromotions(List.of(PromotionRecord.approved(where, "1.0", T0)));

    assertThat(store.deleteDeliveryConfig("fnord-manifest")).containsExactly(A);
    store.claimDue(T0.plus(Duration.ofMinutes(30)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.promotions(where)).hasSize(1);

    store.claimDue(T0.plus(Duration.ofMinutes(61)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.promotions(where)).isEmpty();
    assertThat(store.history(A, 10)).isEmpty();
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0.plus(Duration.ofMinutes(62)));
    store.appendEvent(new ResourceEvent.Created(A, "fnord", T0.plus(Duration.ofMinutes(62))));
    assertThat(store.history(A, 10)).hasSize(1).noneMatch(e -> e instanceof ApplicationEvent);
  }
}
