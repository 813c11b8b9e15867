package dev.keel.spinnaker.clouddriver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values kept for a time on the engine's clock, as Keel caches Clouddriver's catalog. A failed load is not kept.
 *
 * @param <T> the values' type
 */
final class TtlCache<T> {

  private record Entry<T>(T value, Instant expires) {}

  private final Clock clock;
  private final Duration ttl;
  private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();

  TtlCache(Clock clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  T get(String key, Supplier<T> load) {
    Instant now = clock.instant();
    Entry<T> e = entries.get(key);
    if (e != null && now.isBefore(e.expires())) {
      return e.value();
    }
    T value = load.get();
    entries.put(key, new Entry<>(value, now.plus(ttl)));
    return value;
  }
}
