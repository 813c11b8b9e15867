package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.CheckSchedule;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.DueCheck;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link CheckSchedule}: stored resources fall due, one owner holds a claim until
 * its lease ends, and triggers go first and are not lost.
 *
 * @param <S> the store's type
 */
public abstract class CheckScheduleContract<S extends DeliveryConfigRepository & CheckSchedule>
    extends StoreConcernContract<S> {

  private static Set<String> ids(List<DueCheck> due) {
    return due.stream().map(DueCheck::resourceId).collect(Collectors.toSet());
  }

  /** The claimed resources in order, each with whether it was triggered, leaving out the fences. */
  private static List<String> claimed(List<DueCheck> due) {
    return due.stream().map(d -> d.resourceId() + (d.triggered() ? " (triggered)" : "")).collect(Collectors.toList());
  }

  @Test
  void newResourcesAreClaimedAtOnceAndOnlyByOneOwnerUntilTheLeaseEnds() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);

    List<DueCheck> first = store.claimDue(T0, 10, "host-1", LEASE);
    List<DueCheck> second = store.claimDue(T0, 10, "host-2", LEASE);
    List<DueCheck> afterLease = store.claimDue(T0.plus(LEASE), 10, "host-2", LEASE);

    assertEquals(List.of("fake:thing:a (triggered)"), claimed(first));
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

    assertEquals(List.of("fake:thing:a (triggered)", "fake:thing:b"), claimed(due));
  }

  @Test
  void aTriggerDuringAClaimedCheckIsNotLost() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.claimDue(T0, 10, "me", LEASE);

    store.triggerCheck("fake:thing:a");
    store.reschedule("fake:thing:a", "me", T0.plus(Duration.ofHours(1)));

    assertEquals(List.of("fake:thing:a (triggered)"), claimed(store.claimDue(T0, 10, "me", LEASE)));
  }

  @Test
  void aRescheduleByAnOwnerWhoseLeaseExpiredIsIgnored() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.claimDue(T0, 10, "slow", LEASE);
    store.claimDue(T0.plus(LEASE), 10, "fast", LEASE);

    store.reschedule("fake:thing:a", "slow", T0.plus(Duration.ofDays(1)));

    assertTrue(store.dueAt("fake:thing:a").isEmpty(), "still claimed by the new owner");
  }
}
