package dev.keel.engine.store;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The event histories of {@link InMemoryStore}, newest first, bounded by count and age. Thread-safe: its
 * monitor guards it.
 */
final class EventHistory {

  private final Map<String, Deque<ResourceEvent>> byResource = new HashMap<>();
  private final Map<String, Deque<ApplicationEvent>> byApplication = new HashMap<>();

  /** Appends an event; events of other families are not history and are ignored. */
  synchronized void append(KeelEvent event, Retention retention) {
    if (event instanceof ResourceEvent r) {
      bounded(byResource.computeIfAbsent(r.resourceId(), k -> new ArrayDeque<>()), r, retention, ResourceEvent::at);
    } else if (event instanceof ApplicationEvent a) {
      bounded(byApplication.computeIfAbsent(a.application(), k -> new ArrayDeque<>()), a, retention,
          ApplicationEvent::at);
    }
  }

  /** Adds to the front of a newest-first deque, dropping what exceeds the count or the age from the back. */
  static <E> void bounded(Deque<E> deque, E item, Retention retention, Function<E, Instant> at) {
    deque.addFirst(item);
    while (deque.size() > retention.maxEvents()) {
      deque.removeLast();
    }
    trimOlderThan(deque, at.apply(item).minus(retention.maxAge()), at);
  }

  static <E> void trimOlderThan(Deque<E> deque, Instant cutoff, Function<E, Instant> at) {
    while (!deque.isEmpty() && at.apply(deque.peekLast()).isBefore(cutoff)) {
      deque.removeLast();
    }
  }

  /** Drops every event older than the cutoff, and the histories left empty. */
  synchronized void trimOlderThan(Instant cutoff) {
    byResource.values().forEach(d -> trimOlderThan(d, cutoff, ResourceEvent::at));
    byResource.values().removeIf(Deque::isEmpty);
    byApplication.values().forEach(d -> trimOlderThan(d, cutoff, ApplicationEvent::at));
    byApplication.values().removeIf(Deque::isEmpty);
  }

  synchronized void forgetResource(String id) {
    byResource.remove(id);
  }

  synchronized void forgetApplication(String application) {
    byApplication.remove(application);
  }

  /** A resource's history merged with its application's, newest first. */
  synchronized List<KeelEvent> history(String id, int limit) {
    Deque<ResourceEvent> own = byResource.getOrDefault(id, new ArrayDeque<>());
    String application = own.isEmpty() ? null : own.peekFirst().application();
    Deque<ApplicationEvent> app = application == null ? new ArrayDeque<>()
        : byApplication.getOrDefault(application, new ArrayDeque<>());
    List<KeelEvent> merged = new ArrayList<>(Math.min(limit, own.size() + app.size()));
    Iterator<ResourceEvent> r = own.iterator();
    Iterator<ApplicationEvent> a = app.iterator();
    ResourceEvent nextR = r.hasNext() ? r.next() : null;
    ApplicationEvent nextA = a.hasNext() ? a.next() : null;
    while ((nextR != null || nextA != null) && merged.size() < limit) {
      if (nextA == null || (nextR != null && !nextR.at().isBefore(nextA.at()))) {
        merged.add(nextR);
        nextR = r.hasNext() ? r.next() : null;
      } else {
        merged.add(nextA);
        nextA = a.hasNext() ? a.next() : null;
      }
    }
    return merged;
  }

  synchronized Optional<ResourceEvent> last(String id) {
    Deque<ResourceEvent> own = byResource.get(id);
    return own == null ? Optional.empty() : Optional.ofNullable(own.peekFirst());
  }

  synchronized Set<String> resourceIds() {
    return Set.copyOf(byResource.keySet());
  }

  synchronized int events() {
    return byResource.values().stream().mapToInt(Deque::size).sum()
        + byApplication.values().stream().mapToInt(Deque::size).sum();
  }
}
