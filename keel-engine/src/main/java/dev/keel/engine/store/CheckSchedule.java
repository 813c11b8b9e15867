package dev.keel.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When each managed resource is checked next. It lives in the store so that several engine instances
 * sharing a store (a SQL store) share the work: an instance claims due resources for a lease and
 * reschedules them when done; a claim whose instance died expires and is claimed again. Resources enter
 * and leave the schedule as {@link DeliveryConfigRepository} stores and deletes configs.
 */
public interface CheckSchedule {

  /**
   * Claims resources whose check is due and not claimed by a live lease: triggered ones first, then by
   * due time. Each claimed resource is leased to {@code owner} until {@code now + lease}.
   *
   * @param now the current time
   * @param limit the most to claim
   * @param owner the claiming engine instance
   * @param lease how long the claim lasts
   * @return the claimed checks, in order
   */
  List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease);

  /**
   * Releases a claim and sets when the resource is next due. A check triggered while claimed stays
   * triggered: the earlier of the two times wins.
   *
   * @param resourceId the resource
   * @param owner the instance that claimed it
   * @param next when it is next due
   */
  void reschedule(String resourceId, String owner, Instant next);

  /**
   * Makes a resource due at once, ahead of periodic checks.
   *
   * @param resourceId the resource
   * @return whether the resource is managed
   */
  boolean triggerCheck(String resourceId);

  /**
   * When the next claimable check falls due: the earliest due time among unclaimed resources or lease
   * expiry among claimed ones.
   *
   * @return the time, or empty when nothing is managed
   */
  Optional<Instant> nextDue();

  /**
   * The time a resource is next due, for status displays.
   *
   * @param resourceId the resource
   * @return the due time, if managed and not claimed
   */
  Optional<Instant> dueAt(String resourceId);
}
