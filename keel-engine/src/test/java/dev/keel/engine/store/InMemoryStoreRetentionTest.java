package dev.keel.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the in-memory store forgets, and when. */
class InMemoryStoreRetentionTest {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final ResourceKind KIND = ResourceKind.parse("test/thing@v1");
  private static final Retention RETENTION = new Retention(Duration.ofHours(1), 5, Duration.ofDays(1));

  record Thing(String id) implements ResourceSpec {
    @Override
    public String application() {
      return "fnord";
    }
  }

  private static DeliveryConfig config(String... names) {
    List<Resource<?>> resources = Arrays.stream(names).<Resource<?>>map(n -> new Resource<>(KIND, new Thing(n))).toList();
    return new DeliveryConfig("fnord", null, null, List.of(),
        List.of(new Environment("test", resources, List.of(), List.of(), List.of(), null)));
  }

  private static void eventAndTask(InMemoryStore store, String id, Instant at) {
    store.appendEvent(new ResourceEvent.Created(id, "fnord", at));
    store.saveTask(new TaskRecord(new Task("t-" + id + at, "create", "fake", id), id, "fnord", at, TaskState.RUNNING,
        null, null));
  }

  @Test
  void aRemovedResourcesHistoryAndTasksStayForTheGracePeriodThenGo() {
    InMemoryStore store = new InMemoryStore(RETENTION);
    store.storeDeliveryConfig(config("a", "b"), T0);
    eventAndTask(store, "test:thing:a", T0);

    store.storeDeliveryConfig(config("b"), T0.plusSeconds(60));
    assertThat(store.history("test:thing:a", 10)).hasSize(1);
    assertThat(store.tasks("test:thing:a")).hasSize(1);

    store.claimDue(T0.plus(Duration.ofMinutes(62)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.history("test:thing:a", 10)).isEmpty();
    assertThat(store.tasks("test:thing:a")).isEmpty();
    assertThat(store.incompleteTasks()).isEmpty();
    assertThat(store.footprint().resourceIds()).isEqualTo(1);
  }

  @Test
  void aResourceManagedAgainWithinTheGracePeriodKeepsItsHistory() {
    InMemoryStore store = new InMemoryStore(RETENTION);
    store.storeDeliveryConfig(config("a"), T0);
    eventAndTask(store, "test:thing:a", T0);
    store.storeDeliveryConfig(config(), T0.plusSeconds(60));
    store.storeDeliveryConfig(config("a"), T0.plusSeconds(120));

    store.claimDue(T0.plus(Duration.ofHours(3)), 10, "keel", Duration.ofMinutes(1));

    assertThat(store.history("test:thing:a", 10)).hasSize(1);
    assertThat(store.tasks("test:thing:a")).hasSize(1);
  }

  @Test
  void historyIsBoundedByCountAndByAge() {
    InMemoryStore store = new InMemoryStore(RETENTION);
    store.storeDeliveryConfig(config("a", "idle"), T0);
    store.appendEvent(new ResourceEvent.Created("test:thing:idle", "fnord", T0));
    store.appendEvent(new ApplicationEvent.Paused("fnord", T0, "alice", null));
    for (int i = 0; i < 8; i++) {
      store.appendEvent(new ResourceEvent.Valid("test:thing:a", "fnord", T0.plusSeconds(i)));
    }
    assertThat(store.history("test:thing:a", 100)).filteredOn(ResourceEvent.class::isInstance).hasSize(5);

    store.appendEvent(new ResourceEvent.Valid("test:thing:a", "fnord", T0.plus(Duration.ofDays(2))));

    assertThat(store.history("test:thing:a", 100)).as("older than a day, and the application's too").hasSize(1);
    assertThat(store.history("test:thing:idle", 100)).as("a history nothing was added to is trimmed too").isEmpty();
  }

  @Test
  void aDeletedConfigsPromotionStateGoesAfterTheGracePeriod() {
    InMemoryStore store = new InMemoryStore(RETENTION);
    store.storeDeliveryConfig(config("a"), T0);
    EnvironmentArtifact where = new EnvironmentArtifact("fnord-manifest", "test", "fnord");
    store.savePromotions(List.of(PromotionRecord.approved(where, "1.0", T0)));
    store.queueForApproval(where, "1.1");

    store.deleteDeliveryConfig("fnord-manifest");
    store.claimDue(T0.plus(Duration.ofMinutes(30)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.promotions(where)).hasSize(1);

    store.claimDue(T0.plus(Duration.ofMinutes(61)), 10, "keel", Duration.ofMinutes(1));
    assertThat(store.promotions(where)).isEmpty();
    assertThat(store.approvalQueue(where)).isEmpty();
  }
}
