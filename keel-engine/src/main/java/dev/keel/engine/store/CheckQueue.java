package dev.keel.engine.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check schedule of {@link InMemoryStore}: one slot per managed resource. Slots waiting to be claimed are
 * ordered by due time (triggered first), slots under a live claim by lease expiry; a claim that expired stays
 * with its holder, among the waiting slots, until another claim takes it over. Fences come from one counter,
 * so they grow across claims of a resource even when it leaves the schedule and comes back. Thread-safe: its
 * monitor guards it.
 */
final class CheckQueue {

  private static final Comparator<Slot> BY_DUE = Comparator.comparing((Slot s) -> !s.triggered)
      .thenComparing(s -> s.due).thenComparing(s -> s.id);
  private static final Comparator<Slot> BY_LEASE = Comparator.comparing((Slot s) -> s.leaseUntil)
      .thenComparing(s -> s.id);

  private final Map<String, Slot> slots = new HashMap<>();
  private final TreeSet<Slot> waiting = new TreeSet<>(BY_DUE);
  private final TreeSet<Slot> leased = new TreeSet<>(BY_LEASE);
  private long lastFence;

  /** One resource's place in the check schedule. */
  private static final class Slot {
    final String id;
    Instant due;
    boolean triggered;
    /** The holder of the last claim, until released; null when released or never claimed. */
    String owner;
    Instant leaseUntil;
    long fence;
    /** Whether the slot is in {@code leased} (a live claim) rather than {@code waiting}. */
    boolean live;

    Slot(String id, Instant due, boolean triggered) {
      this.id = id;
      this.due = due;
      this.triggered = triggered;
    }

    boolean heldBy(Lease lease) {
      return owner != null && owner.equals(lease.owner()) && fence == lease.fence();
    }
  }

  /**
   * Follows a stored config in one step: created resources are due at once, updated ones are triggered,
   * removed ones leave the schedule.
   */
  synchronized void follow(SubmitResult changes, Instant at) {
    changes.created().forEach(id -> {
      Slot slot = new Slot(id, at, true);
      slots.put(id, slot);
      waiting.add(slot);
    });
    changes.updated().forEach(this::trigger);
    remove(changes.removed());
  }

  /** Takes resources no longer managed off the schedule; their leases are lost. */
  synchronized void remove(Collection<String> ids) {
    ids.forEach(id -> {
      Slot slot = slots.remove(id);
      if (slot != null) {
        unlist(slot);
      }
    });
  }

  private void unlist(Slot slot) {
    if (slot.live) {
      leased.remove(slot);
    } else {
      waiting.remove(slot);
    }
  }

  synchronized List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    // Claims whose owner never came back are claimable again; they stay with their holder until claimed.
    while (!leased.isEmpty() && !leased.first().leaseUntil.isAfter(now)) {
      Slot expired = leased.pollFirst();
      expired.live = false;
      waiting.add(expired);
    }
    List<DueCheck> result = new ArrayList<>();
    while (result.size() < limit && !waiting.isEmpty()) {
      Slot first = waiting.first();
      if (!first.triggered && first.due.isAfter(now)) {
        break;
      }
      waiting.pollFirst();
      first.fence = ++lastFence;
      result.add(new DueCheck(first.id, first.triggered, first.fence));
      if (first.triggered && first.due.isAfter(now)) {
        first.due = now; // due from its claim on, so that a claim left to expire is claimable again at once
      }
      first.triggered = false;
      first.owner = owner;
      first.leaseUntil = now.plus(lease);
      first.live = true;
      leased.add(first);
    }
    return result;
  }

  synchronized void reschedule(String resourceId, String owner, Instant next) {
    Slot slot = slots.get(resourceId);
    if (slot == null || (slot.owner != null && !slot.owner.equals(owner))) {
      return; // no longer managed, or the lease expired and another instance holds it now
    }
    release(slot, next);
  }

  synchronized void reschedule(String resourceId, Lease lease, Instant next) {
    release(held(resourceId, lease), next);
  }

  private void release(Slot slot, Instant next) {
    unlist(slot);
    slot.owner = null;
    slot.leaseUntil = null;
    slot.live = false;
    slot.due = slot.triggered && slot.due.isBefore(next) ? slot.due : next;
    waiting.add(slot);
  }

  /**
   * The slot of a resource whose lease is held; the caller holds this monitor.
   *
   * @throws LeaseLostException if it is not
   */
  private Slot held(String resourceId, Lease lease) {
    Slot slot = slots.get(resourceId);
    if (slot == null) {
      throw new LeaseLostException(resourceId, lease, "the resource is no longer managed");
    }
    if (!slot.heldBy(lease)) {
      throw new LeaseLostException(resourceId, lease, slot.owner == null ? "the claim was released"
          : "claimed again by " + slot.owner + " with fence " + slot.fence);
    }
    return slot;
  }

  /** Fails unless the lease is held; the caller holds this monitor while it writes. */
  synchronized void requireHeld(String resourceId, Lease lease) {
    held(resourceId, lease);
  }

  synchronized boolean renew(String resourceId, Lease lease, Instant now, Duration extension) {
    Slot slot = slots.get(resourceId);
    if (slot == null || !slot.heldBy(lease)) {
      return false;
    }
    unlist(slot);
    slot.leaseUntil = now.plus(extension);
    slot.live = true;
    leased.add(slot);
    return true;
  }

  synchronized void beginActuation(String resourceId, Lease lease, Instant now) {
    Slot slot = held(resourceId, lease);
    if (!slot.leaseUntil.isAfter(now)) {
      throw new LeaseLostException(resourceId, lease, "it expired at " + slot.leaseUntil);
    }
  }

  synchronized boolean trigger(String resourceId) {
    Slot slot = slots.get(resourceId);
    if (slot == null) {
      return false;
    }
    if (slot.live) {
      slot.triggered = true; // picked up when the running check reschedules
      return true;
    }
    waiting.remove(slot);
    slot.triggered = true;
    waiting.add(slot);
    return true;
  }

  synchronized Optional<Instant> nextDue() {
    Instant next = null;
    if (!waiting.isEmpty()) {
      Slot first = waiting.first();
      next = first.triggered ? Instant.MIN : first.due;
    }
    if (!leased.isEmpty() && (next == null || leased.first().leaseUntil.isBefore(next))) {
      next = leased.first().leaseUntil;
    }
    return Optional.ofNullable(next);
  }

  synchronized Optional<Instant> dueAt(String resourceId) {
    Slot slot = slots.get(resourceId);
    return slot == null || slot.owner != null ? Optional.empty() : Optional.of(slot.due);
  }

  /** The scheduled resources, for the footprint. */
  synchronized Set<String> resourceIds() {
    return Set.copyOf(slots.keySet());
  }
}
