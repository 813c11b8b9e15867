package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.CheckSchedule;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.ResourceHistory;
import dev.keel.engine.store.ResourceRepository;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.TaskRecord;
import dev.keel.engine.store.TaskRepository;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's leases ({@link CheckSchedule}, with the writes a claimed check makes through
 * {@link ResourceRepository}, {@link TaskRepository} and {@link ResourceHistory}): one holder per claim, a
 * greater fence for every claim, renewal, expiry and takeover, and no write accepted from a holder whose lease
 * is lost.
 *
 * @param <S> the store's type
 */
public abstract class LeaseContract<S extends DeliveryConfigRepository & ResourceRepository & ResourceHistory
    & TaskRepository & CheckSchedule> extends StoreConcernContract<S> {

  private static final String A = "fake:thing:a";

  private void manage(Instant at, String... names) {
    Resource<?>[] things = new Resource<?>[names.length];
    for (int i = 0; i < names.length; i++) {
      things[i] = Configs.thing(names[i], "fnord", 1);
    }
    store.storeDeliveryConfig(Configs.single("fnord", "test", things), at);
  }

  private DueCheck claimOne(Instant now, String owner) {
    List<DueCheck> due = store.claimDue(now, 10, owner, LEASE);
    assertEquals(1, due.size(), "claimed by " + owner + " at " + now);
    return due.get(0);
  }

  private static ResourceState state(int errors) {
    ResourceState s = ResourceState.initial(A);
    for (int i = 0; i <= errors; i++) {
      s = s.checked(i == 0 ? CheckResult.IN_SYNC : CheckResult.ERROR, T0, "check " + i);
    }
    return s;
  }

  private static TaskRecord task(String id) {
    return new TaskRecord(new Task(id, "deploy", "fake", "corr-" + id), A, "fnord", T0, TaskState.RUNNING, null, null);
  }

  @Test
  void everyClaimOfAResourceGetsAGreaterFence() {
    manage(T0, "a");
    DueCheck first = claimOne(T0, "host-1");
    store.reschedule(A, first.lease("host-1"), T0);
    DueCheck second = claimOne(T0, "host-1");
    DueCheck takenOver = claimOne(T0.plus(LEASE), "host-2");
    store.storeDeliveryConfig(Configs.single("fnord", "test"), T0.plus(LEASE));
    manage(T0.plus(LEASE), "a");
    DueCheck managedAgain = claimOne(T0.plus(LEASE), "host-2");

    assertTrue(first.fence() < second.fence(), first + " then " + second);
    assertTrue(second.fence() < takenOver.fence(), second + " then " + takenOver);
    assertTrue(takenOver.fence() < managedAgain.fence(), takenOver + " then " + managedAgain);
  }

  @Test
  void concurrentClaimersGetEachDueCheckOnce() throws Exception {
    String[] names = IntStream.range(0, 40).mapToObj(i -> "r" + i).toArray(String[]::new);
    manage(T0, names);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<DueCheck>>> claims = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        String owner = "host-" + t;
        claims.add(pool.submit(() -> {
          start.await();
          List<DueCheck> mine = new ArrayList<>();
          for (List<DueCheck> due = store.claimDue(T0, 3, owner, LEASE); !due.isEmpty();
              due = store.claimDue(T0, 3, owner, LEASE)) {
            mine.addAll(due);
          }
          return mine;
        }));
      }
      start.countDown();
      Map<String, Integer> times = new HashMap<>();
      for (Future<List<DueCheck>> f : claims) {
        f.get(60, TimeUnit.SECONDS).forEach(d -> times.merge(d.resourceId(), 1, Integer::sum));
      }
      assertEquals(names.length, times.size(), "every due check is claimed");
      times.forEach((id, n) -> assertEquals(1, n, id + " is claimed once"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRenewedLeaseOutlastsItsFirstExpiry() {
    manage(T0, "a");
    DueCheck claim = claimOne(T0, "slow");
    Instant renewedAt = T0.plus(LEASE).minusSeconds(1);

    assertTrue(store.renewLease(A, claim.lease("slow"), renewedAt, LEASE));

    assertTrue(store.claimDue(T0.plus(LEASE), 10, "fast", LEASE).isEmpty(), "still leased");
    assertDoesNotThrow(() -> store.beginActuation(A, claim.lease("slow"), "corr-1", T0.plus(LEASE)));
    assertEquals(A, claimOne(renewedAt.plus(LEASE), "fast").resourceId());
  }

  @Test
  void anExpiredLeaseIsHeldUntilAnotherClaimTakesItOver() {
    manage(T0, "a");
    DueCheck claim = claimOne(T0, "slow");
    Instant late = T0.plus(LEASE).plusSeconds(10);

    assertThrows(LeaseLostException.class, () -> store.beginActuation(A, claim.lease("slow"), "corr-1", late),
        "no actuation on an expired lease");
    store.saveState(state(0), claim.lease("slow"));
    assertTrue(store.renewLease(A, claim.lease("slow"), late, LEASE));

    assertDoesNotThrow(() -> store.beginActuation(A, claim.lease("slow"), "corr-1", late));
    assertEquals(state(0), store.state(A));
  }

  @Test
  void aFormerHolderWritesNothingOnceAnotherClaimTookItsLeaseOver() {
    manage(T0, "a");
    DueCheck old = claimOne(T0, "slow");
    store.saveState(state(0), old.lease("slow"));
    DueCheck taken = claimOne(T0.plus(LEASE), "fast");
    Lease stale = old.lease("slow");

    assertTrue(taken.fence() > old.fence());
    assertFalse(store.renewLease(A, stale, T0.plus(LEASE), LEASE));
    assertThrows(LeaseLostException.class, () -> store.saveState(state(1), stale));
    assertThrows(LeaseLostException.class, () -> store.saveTask(task("t1"), stale));
    assertThrows(LeaseLostException.class,
        () -> store.appendEvent(new ResourceEvent.Valid(A, "fnord", T0.plus(LEASE)), stale));
    assertThrows(LeaseLostException.class, () -> store.beginActuation(A, stale, "corr-1", T0.plus(LEASE)));
    assertThrows(LeaseLostException.class, () -> store.reschedule(A, stale, T0.plus(Duration.ofDays(1))));

    assertEquals(state(0), store.state(A));
    assertTrue(store.tasks(A).isEmpty());
    assertTrue(store.incompleteTasks().isEmpty());
    assertTrue(store.history(A, 10).isEmpty());
    assertTrue(store.dueAt(A).isEmpty(), "still claimed by the new holder");
    store.saveState(state(1), taken.lease("fast"));
    assertEquals(state(1), store.state(A));
  }

  @Test
  void anOwnerThatClaimsAgainCannotWriteUnderItsOlderLease() {
    manage(T0, "a");
    DueCheck old = claimOne(T0, "me");
    DueCheck again = claimOne(T0.plus(LEASE), "me");

    assertThrows(LeaseLostException.class, () -> store.saveState(state(1), old.lease("me")));
    store.saveState(state(1), again.lease("me"));
    assertEquals(state(1), store.state(A));
  }

  @Test
  void writesUnderAHeldLeaseAreStoredUntilItIsReleased() {
    manage(T0, "a");
    Lease lease = claimOne(T0, "me").lease("me");

    store.saveState(state(1), lease);
    store.saveTask(task("t1"), lease);
    store.appendEvent(new ResourceEvent.Valid(A, "fnord", T0), lease);
    store.beginActuation(A, lease, "corr-1", T0);
    store.beginActuation(A, lease, "corr-1", T0.plusSeconds(1));
    store.reschedule(A, lease, T0.plusSeconds(60));

    assertEquals(state(1), store.state(A));
    assertEquals(List.of("t1"), store.tasks(A).stream().map(t -> t.task().id()).toList());
    assertEquals(1, store.history(A, 10).size());
    assertEquals(Optional.of(T0.plusSeconds(60)), store.dueAt(A));
    assertThrows(LeaseLostException.class, () -> store.saveState(state(2), lease), "released");
    assertFalse(store.renewLease(A, lease, T0, LEASE));
    assertEquals(state(1), store.state(A));
  }

  @Test
  void aTriggerDuringAClaimSurvivesTheLeasedReschedule() {
    manage(T0, "a");
    Lease lease = claimOne(T0, "me").lease("me");

    store.triggerCheck(A);
    store.reschedule(A, lease, T0.plus(Duration.ofHours(1)));

    DueCheck again = claimOne(T0, "me");
    assertTrue(again.triggered());
    assertTrue(again.fence() > lease.fence());
  }

  @Test
  void aTriggeredCheckWhoseClaimWasLeftToExpireIsClaimableAgainAtOnce() {
    manage(T0, "a");
    Lease first = claimOne(T0, "me").lease("me");
    store.reschedule(A, first, T0.plus(Duration.ofHours(1)));
    store.triggerCheck(A);

    DueCheck triggered = claimOne(T0.plusSeconds(10), "dying");
    assertTrue(triggered.triggered());

    DueCheck takenOver = claimOne(T0.plusSeconds(10).plus(LEASE), "other");
    assertFalse(takenOver.triggered());
    assertTrue(takenOver.fence() > triggered.fence());
  }

  @Test
  void aLeaseIsLostWhenItsResourceIsNoLongerManaged() {
    manage(T0, "a");
    Lease lease = claimOne(T0, "me").lease("me");

    store.storeDeliveryConfig(Configs.single("fnord", "test"), T0);

    assertThrows(LeaseLostException.class, () -> store.saveState(state(1), lease));
    assertThrows(LeaseLostException.class, () -> store.beginActuation(A, lease, "corr-1", T0));
    assertFalse(store.renewLease(A, lease, T0, LEASE));
  }
}
