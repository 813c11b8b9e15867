package dev.keel.engine.store;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Things removed from management and when, oldest first, so that {@link InMemoryStore} forgets them after a
 * grace period. Not thread-safe: the store's lock guards it.
 */
final class Removals {

  private final Map<String, Instant> removedAt = new LinkedHashMap<>();

  void mark(String key, Instant at) {
    removedAt.remove(key); // re-inserted at the end, which keeps the map oldest first
    removedAt.put(key, at);
  }

  /** Managed again: nothing to forget. */
  void cancel(String key) {
    removedAt.remove(key);
  }

  /** Hands over, and stops tracking, everything removed before a time. */
  void expire(Instant before, Consumer<String> forget) {
    Iterator<Map.Entry<String, Instant>> it = removedAt.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Instant> e = it.next();
      if (!e.getValue().isBefore(before)) {
        return; // oldest first: the rest were removed later
      }
      it.remove();
      forget.accept(e.getKey());
    }
  }
}
