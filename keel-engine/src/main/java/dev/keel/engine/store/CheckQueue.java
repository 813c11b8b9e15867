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
 * The check schedule of {@link InMemoryStore}: one slot per managed resource, unclaimed ones by due time
 * (triggered first), claimed ones by lease expiry. Thread-safe: its monitor guards it.
 */
final class CheckQueue {

  private static final Comparator<Slot> BY_DUE = Comparator.comparing((Slot s) -> !s.triggered)
      .thenComparing(s -> s.due).thenComparing(s -> s.id);
  private static final Comparator<Slot> BY_LEASE = Comparator.comparing((Slot s) -> s.leaseUntil)
      .thenComparing(s -> s.id);

  private final Map<String, Slot> slots = new HashMap<>();
  private final TreeSet<Slot> unclaimed = new TreeSet<>(BY_DUE);
  private final TreeSet<Slot> claimed = new TreeSet<>(BY_LEASE);

  /** One resource's place in the check schedule. */
  private static final class Slot {
    final String id;
    Instant due;
    boolean triggered;
    String owner;
    Instant leaseUntil;

    Slot(String id, Instant due, boolean triggered) {
      this.id = id;
      this.due = due;
      this.triggered = triggered;
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
      unclaimed.add(slot);
    });
    changes.updated().forEach(this::trigger);
    remove(changes.removed());
  }

  /** Takes resources no longer managed off the schedule. */
  synchronized void remove(Collection<String> ids) {
    ids.forEach(id -> {
      Slot slot = slots.remove(id);
      if (slot != null) {
        unclaimed.remove(slot);
        claimed.remove(slot);
      }
    });
  }

  synchronized List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    // Claims whose owner never came back are claimable again.
    while (!claimed.isEmpty() && !claimed.first().leaseUntil.isAfter(now)) {
      Slot expired = claimed.pollFirst();
      expired.owner = null;
      expired.leaseUntil = null;
      unclaimed.add(expired);
    }
    List<DueCheck> result = new ArrayList<>();
    while (result.size() < limit && !unclaimed.isEmpty()) {
      Slot first = unclaimed.first();
      if (!first.triggered && first.due.isAfter(now)) {
        break;
      }
      unclaimed.pollFirst();
      result.add(new DueCheck(first.id, first.triggered));
      first.triggered = false;
      first.owner = owner;
      first.leaseUntil = now.plus(lease);
      claimed.add(first);
    }
    return result;
  }

  synchronized void reschedule(String resourceId, String owner, Instant next) {
    Slot slot = slots.get(resourceId);
    if (slot == null) {
      return;
    }
    if (slot.owner != null) {
      if (!slot.owner.equals(owner)) {
        return; // the lease expired and another instance holds it now
      }
      claimed.remove(slot);
      slot.owner = null;
      slot.leaseUntil = null;
    } else {
      unclaimed.remove(slot);
    }
    slot.due = slot.triggered && slot.due.isBefore(next) ? slot.due : next;
    unclaimed.add(slot);
  }

  synchronized boolean trigger(String resourceId) {
    Slot slot = slots.get(resourceId);
    if (slot == null) {
      return false;
    }
    if (slot.owner != null) {
      slot.triggered = true; // picked up when the running check reschedules
      return true;
    }
    unclaimed.remove(slot);
    slot.triggered = true;
    unclaimed.add(slot);
    return true;
  }

  synchronized Optional<Instant> nextDue() {
    Instant next = null;
    if (!unclaimed.isEmpty()) {
      Slot first = unclaimed.first();
      next = first.triggered ? Instant.MIN : first.due;
    }
    if (!claimed.isEmpty() && (next == null || claimed.first().leaseUntil.isBefore(next))) {
      next = claimed.first().leaseUntil;
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
