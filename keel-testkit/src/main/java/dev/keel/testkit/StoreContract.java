package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.ConfigConflictException;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeelStore} must have. Extend it with a store under test:
 *
 * <pre>{@code
 * class JdbcStoreContractTest extends StoreContract {
 *   protected KeelStore newStore() { return new JdbcStore(dataSource()); }
 * }
 * }</pre>
 */
public abstract class StoreContract {

  private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  /** The store under test, new and empty for each test. */
  protected KeelStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract KeelStore newStore();

  /** Creates the store under test. */
  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static Set<String> ids(List<DueCheck> due) {
    return due.stream().map(DueCheck::resourceId).collect(Collectors.toSet());
  }

  @Test
  void aSubmittedConfigStoresItsResourcesAsVersionOne() {
    SubmitResult r = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);

    assertEquals(Set.of("fake:thing:a", "fake:thing:b"), r.created());
    assertEquals(1, store.resource("fake:thing:a").orElseThrow().version());
    assertEquals("test", store.resource("fake:thing:a").orElseThrow().environment());
    assertEquals("fnord", store.deliveryConfigForApplication("fnord").orElseThrow().application());
  }

  @Test
  void aNewVersionIsStoredOnlyWhenTheSpecReallyChanged() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    SubmitResult same = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    SubmitResult changed = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 2)), T0);

    assertEquals(Set.of("fake:thing:a"), same.unchanged());
    assertEquals(Set.of("fake:thing:a"), changed.updated());
    assertEquals(2, store.resource("fake:thing:a").orElseThrow().version());
  }

  @Test
  void resourcesDroppedFromTheConfigAreNoLongerManaged() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);

    SubmitResult r = store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    assertEquals(Set.of("fake:thing:b"), r.removed());
    assertTrue(store.resource("fake:thing:b").isEmpty());
    assertEquals(List.of("fake:thing:a"), store.resources().stream().map(StoredResource::id).collect(Collectors.toList()));
  }

  @Test
  void aConflictingConfigChangesNothing() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    assertThrows(ConfigConflictException.class, () -> store.storeDeliveryConfig(
        Configs.single("other", "test", Configs.thing("new", "other", 1), Configs.thing("a", "other", 1)), T0));

    assertTrue(store.resource("fake:thing:new").isEmpty());
    assertEquals("fnord", store.resource("fake:thing:a").orElseThrow().resource().application());
    assertEquals(1, store.deliveryConfigs().size());
  }

  @Test
  void newResourcesAreClaimedAtOnceAndOnlyByOneOwnerUntilTheLeaseEnds() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    List<DueCheck> first = store.claimDue(T0, 10, "host-1", LEASE);
    List<DueCheck> second = store.claimDue(T0, 10, "host-2", LEASE);
    List<DueCheck> afterLease = store.claimDue(T0.plus(LEASE), 10, "host-2", LEASE);

    assertEquals(List.of(new DueCheck("fake:thing:a", true)), first);
    assertTrue(second.isEmpty());
    assertEquals(Set.of("fake:thing:a"), ids(afterLease));
  }

  @Test
  void rescheduledResourcesFallDueAtTheirTimeAndTriggeredOnesGoFirst() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1)), T0);
    store.claimDue(T0, 10, "me", LEASE);
    store.reschedule("fake:thing:a", "me", T0.plusSeconds(60));
    store.reschedule("fake:thing:b", "me", T0.plusSeconds(30));

    assertTrue(store.claimDue(T0.plusSeconds(29), 10, "me", LEASE).isEmpty());
    assertEquals(T0.plusSeconds(30), store.nextDue().orElseThrow());
    assertTrue(store.triggerCheck("fake:thing:a"));
    List<DueCheck> due = store.claimDue(T0.plusSeconds(30), 10, "me", LEASE);

    assertEquals(List.of(new DueCheck("fake:thing:a", true), new DueCheck("fake:thing:b", false)), due);
  }

  @Test
  void aTriggerDuringAClaimedCheckIsNotLost() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.claimDue(T0, 10, "me", LEASE);

    store.triggerCheck("fake:thing:a");
    store.reschedule("fake:thing:a", "me", T0.plus(Duration.ofHours(1)));

    assertEquals(List.of(new DueCheck("fake:thing:a", true)), store.claimDue(T0, 10, "me", LEASE));
  }

  @Test
  void aRescheduleByAnOwnerWhoseLeaseExpiredIsIgnored() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.claimDue(T0, 10, "slow", LEASE);
    store.claimDue(T0.plus(LEASE), 10, "fast", LEASE);

    store.reschedule("fake:thing:a", "slow", T0.plus(Duration.ofDays(1)));

    assertTrue(store.dueAt("fake:thing:a").isEmpty(), "still claimed by the new owner");
  }

  @Test
  void stateIsSavedPerResourceAndForgottenWithIt() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    ResourceState s = ResourceState.initial("fake:thing:a").checked(CheckResult.IN_SYNC, T0, null);

    store.saveState(s);
    assertEquals(s, store.state("fake:thing:a"));

    store.storeDeliveryConfig(Configs.single("fnord", "test"), T0);
    assertEquals(ResourceState.initial("fake:thing:a"), store.state("fake:thing:a"));
  }

  @Test
  void historyIsNewestFirstAndIncludesTheApplicationsEvents() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.appendEvent(new ResourceEvent.Created("fake:thing:a", "fnord", T0));
    store.appendEvent(new ApplicationEvent.Paused("fnord", T0.plusSeconds(1), "alice", null));
    store.appendEvent(new ResourceEvent.Valid("fake:thing:a", "fnord", T0.plusSeconds(2)));

    List<KeelEvent> history = store.history("fake:thing:a", 10);

    assertEquals(List.of("Valid", "Paused", "Created"),
        history.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList()));
    assertEquals("Valid", store.lastResourceEvent("fake:thing:a").orElseThrow().getClass().getSimpleName());
    assertEquals(2, store.history("fake:thing:a", 2).size());
  }

  @Test
  void pausesSurviveTheDeletionOfTheConfig() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.savePause(new Pause(PauseScope.APPLICATION, "fnord", "alice", T0, "incident"));

    store.deleteDeliveryConfig("fnord-manifest");

    assertTrue(store.pause(PauseScope.APPLICATION, "fnord").isPresent());
    assertTrue(store.removePause(PauseScope.APPLICATION, "fnord"));
    assertFalse(store.removePause(PauseScope.APPLICATION, "fnord"));
  }

  @Test
  void onlyIncompleteTasksAreListedAsIncomplete() {
    Task t1 = new Task("t1", "resize", "fake", "a");
    Task t2 = new Task("t2", "deploy", "fake", "a");
    store.saveTask(new TaskRecord(t1, "fake:thing:a", "fnord", T0, TaskState.RUNNING, null, null));
    store.saveTask(new TaskRecord(t2, "fake:thing:a", "fnord", T0.plusSeconds(1), TaskState.RUNNING, null, null));

    store.saveTask(new TaskRecord(t1, "fake:thing:a", "fnord", T0, TaskState.SUCCEEDED, null, T0.plusSeconds(5)));

    assertEquals(List.of("t2"), store.incompleteTasks().stream().map(t -> t.task().id()).collect(Collectors.toList()));
    assertEquals(List.of("t2", "t1"), store.tasks("fake:thing:a").stream().map(t -> t.task().id()).collect(Collectors.toList()));
  }

  @Test
  void theApprovalQueueKeepsQueuingOrderOncePerVersionAndPerEnvironment() {
    EnvironmentArtifact prod = new EnvironmentArtifact("fnord-manifest", "prod", "fnord");
    EnvironmentArtifact test = new EnvironmentArtifact("fnord-manifest", "test", "fnord");
    store.queueForApproval(prod, "1.2");
    store.queueForApproval(prod, "1.3");
    store.queueForApproval(prod, "1.2");
    store.queueForApproval(test, "1.4");

    assertEquals(List.of("1.2", "1.3"), store.approvalQueue(prod));
    store.dequeueApproval(prod, "1.2");
    assertEquals(List.of("1.3"), store.approvalQueue(prod));
    assertEquals(List.of("1.4"), store.approvalQueue(test));
  }
}
