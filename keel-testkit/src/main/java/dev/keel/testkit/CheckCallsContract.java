package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckInputs;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The calls of {@link KeelStore} that span concerns for a resource check: {@link KeelStore#checkInputs} reads what
 * the one-concern calls would, and {@link KeelStore#completeCheck} saves the state, appends the events and
 * reschedules under the check's lease, or, the lease lost, fails and changes nothing a check could rely on.
 *
 * @param <S> the store's type
 */
public abstract class CheckCallsContract<S extends KeelStore> extends StoreConcernContract<S> {

  private static final String A = "fake:thing:a";

  private Lease claimA() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    List<DueCheck> due = store.claimDue(T0, 10, "me", LEASE);
    assertEquals(1, due.size());
    return due.get(0).lease("me");
  }

  @Test
  void checkInputsReadWhatTheSeparateCallsRead() {
    Lease lease = claimA();
    assertEquals(Optional.empty(), store.checkInputs("fake:thing:nothing", 5));
    CheckInputs fresh = store.checkInputs(A, 5).orElseThrow();
    assertEquals(store.resource(A).orElseThrow(), fresh.resource());
    assertEquals(ResourceState.initial(A), fresh.state());
    assertFalse(fresh.paused());
    assertFalse(fresh.tasksRunning());
    assertEquals(List.of(), fresh.history());

    ResourceState state = ResourceState.initial(A).checked(CheckResult.IN_SYNC, T0, null);
    store.saveState(state, lease);
    store.appendEvent(new ResourceEvent.Valid(A, "fnord", T0), lease);
    store.appendEvent(new ApplicationEvent.Paused("fnord", T0.plusSeconds(1), "alice", "incident"));
    store.appendEvent(new ResourceEvent.Missing(A, "fnord", T0.plusSeconds(2)), lease);
    store.savePause(new Pause(PauseScope.APPLICATION, "fnord", "alice", T0, "incident"));
    store.saveTask(new TaskRecord(new Task("t1", "deploy", "fake", null), A, "fnord", T0, TaskState.RUNNING, null, null),
        lease);

    CheckInputs inputs = store.checkInputs(A, 2).orElseThrow();
    assertEquals(state, inputs.state());
    assertTrue(inputs.paused());
    assertTrue(inputs.tasksRunning());
    assertEquals(store.history(A, 2), inputs.history());
    assertEquals(2, inputs.history().size());
  }

  @Test
  void checkInputsOfSeveralResourcesAreThoseOfEachInOneCall() {
    Resource<?>[] things = new Resource<?>[70];
    for (int i = 0; i < things.length; i++) {
      things[i] = Configs.thing("t" + i, i % 2 == 0 ? "fnord" : "other", 1);
    }
    store.storeDeliveryConfig(Configs.single("fnord", "test", things), T0);
    List<DueCheck> due = store.claimDue(T0, 100, "me", LEASE);
    for (DueCheck d : due) {
      int i = Integer.parseInt(d.resourceId().substring("fake:thing:t".length()));
      for (int e = 0; e < i % 7; e++) {
        store.appendEvent(new ResourceEvent.Valid(d.resourceId(), i % 2 == 0 ? "fnord" : "other", T0.plusSeconds(e)),
            d.lease("me"));
      }
      if (i % 5 == 0) {
        store.saveState(ResourceState.initial(d.resourceId()).checked(CheckResult.IN_SYNC, T0, null), d.lease("me"));
      }
    }
    store.savePause(new Pause(PauseScope.RESOURCE, "fake:thing:t3", "alice", T0, null));
    store.appendEvent(new ApplicationEvent.Paused("other", T0.plusSeconds(3), "alice", null));
    List<String> ids = new ArrayList<>(due.stream().map(DueCheck::resourceId).toList());
    ids.add("fake:thing:nothing");

    Map<String, CheckInputs> all = store.checkInputs(ids, 3);

    assertEquals(70, all.size());
    for (DueCheck d : due) {
      assertEquals(store.checkInputs(d.resourceId(), 3).orElseThrow(), all.get(d.resourceId()), d.resourceId());
    }
    assertTrue(all.get("fake:thing:t3").paused());
  }

  @Test
  void completeCheckSavesTheStateAppendsTheEventsAndReschedulesUnderTheLease() {
    Lease lease = claimA();
    ResourceState state = ResourceState.initial(A).checked(CheckResult.IN_SYNC, T0, null);

    store.completeCheck(A, lease, state, List.of(new ResourceEvent.Valid(A, "fnord", T0)), T0.plusSeconds(60));

    assertEquals(state, store.state(A));
    assertEquals(List.of(new ResourceEvent.Valid(A, "fnord", T0)), store.history(A, 10));
    assertEquals(Optional.of(T0.plusSeconds(60)), store.dueAt(A));
    ResourceState later = state.checked(CheckResult.ERROR, T0.plusSeconds(1), "late");
    assertThrows(LeaseLostException.class, () -> store.completeCheck(A, lease, later, List.of(), T0));
    assertEquals(state, store.state(A));
    assertEquals(Optional.of(T0.plusSeconds(60)), store.dueAt(A));
  }

  @Test
  void completeCheckWithoutStateOrEventsOnlyReschedules() {
    Lease lease = claimA();
    ResourceState state = ResourceState.initial(A).checked(CheckResult.IN_SYNC, T0, null);
    store.saveState(state, lease);

    store.completeCheck(A, lease, null, List.of(), T0.plusSeconds(30));

    assertEquals(state, store.state(A));
    assertEquals(Optional.of(T0.plusSeconds(30)), store.dueAt(A));
  }

  @Test
  void aCheckWhoseLeaseWasTakenOverCannotCompleteAndChangesNothing() {
    Lease lease = claimA();
    DueCheck takenOver = store.claimDue(T0.plus(LEASE), 10, "other", LEASE).get(0);
    ResourceState state = ResourceState.initial(A).checked(CheckResult.ERROR, T0, "stale");

    assertThrows(LeaseLostException.class, () -> store.completeCheck(A, lease, state,
        List.of(new ResourceEvent.Valid(A, "fnord", T0)), T0));

    assertEquals(ResourceState.initial(A), store.state(A));
    assertEquals(List.of(), store.history(A, 10));
    assertTrue(store.renewLease(A, takenOver.lease("other"), T0.plus(LEASE), LEASE));
  }
}
