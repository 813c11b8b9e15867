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
 *
 * <p>Each claim gets a {@link Lease} with a fence greater than that of every earlier claim of the resource.
 * The instance renews the lease while the check runs ({@link #renewLease}), passes it with every write the
 * check makes (the overloads taking a {@link Lease}, here and in {@link ResourceRepository},
 * {@link TaskRepository} and {@link ResourceHistory}), and asks {@link #beginActuation} before it acts on the
 * cloud; each fails with a {@link LeaseLostException}, writing nothing, once the lease is no longer held. A
 * store shared by several instances thus never takes a write from an instance that lost its claim.
 */
public interface CheckSchedule {

  /**
   * Claims resources whose check is due and not claimed by a live lease: triggered ones first, then by
   * due time. Each claimed resource is leased to {@code owner} until {@code now + lease}, with a fence greater
   * than that of every earlier claim of it; a lease that expired unreleased is taken over this way. A triggered
   * check claimed stays due from the claim on, so that a claim left to expire (its instance died) is claimable again
   * as soon as its lease expires.
   *
   * @param now the current time (a store that keeps lease times on its own clock, such as a database's, may use
   *     that instead)
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
   * Releases a claim held under a lease and sets when the resource is next due, as
   * {@link #reschedule(String, String, Instant)} does, but only while the lease is held.
   *
   * @param resourceId the resource
   * @param lease the claim's lease
   * @param next when it is next due
   * @throws LeaseLostException, changing nothing, if the lease is no longer held
   */
  void reschedule(String resourceId, Lease lease, Instant next);

  /**
   * Extends a held lease, so that a long check keeps its claim. A lease that expired but that no other claim
   * took over yet is still held, and is renewed.
   *
   * @param resourceId the resource
   * @param lease the claim's lease
   * @param now the current time (or the store's own clock, as for {@link #claimDue})
   * @param extension how long from now the lease lasts
   * @return true if renewed; false, changing nothing, if the lease is no longer held
   */
  boolean renewLease(String resourceId, Lease lease, Instant now, Duration extension);

  /**
   * The gate before acting on the cloud: passes only while the lease is held and has not expired at
   * {@code now}, so that an instance that stalled past its lease does not act. The store may record the
   * actuation's correlation id. Calling it again with the same lease passes again while the lease lasts.
   *
   * @param resourceId the resource
   * @param lease the claim's lease
   * @param correlationId the actuation's correlation id, as the cloud will see it
   * @param now the current time (or the store's own clock, as for {@link #claimDue})
   * @throws LeaseLostException if the lease is no longer held or has expired
   */
  void beginActuation(String resourceId, Lease lease, String correlationId, Instant now);

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
