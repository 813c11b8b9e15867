package dev.keel.engine.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pauses of {@link InMemoryStore}, by scope and name. Thread-safe: its monitor guards it. */
final class PauseTable {

  private final Map<List<Object>, Pause> pauses = new HashMap<>();

  private static List<Object> key(PauseScope scope, String name) {
    return List.of(scope, name);
  }

  synchronized void save(Pause pause) {
    pauses.put(key(pause.scope(), pause.name()), pause);
  }

  synchronized boolean remove(PauseScope scope, String name) {
    return pauses.remove(key(scope, name)) != null;
  }

  synchronized Optional<Pause> get(PauseScope scope, String name) {
    return Optional.ofNullable(pauses.get(key(scope, name)));
  }
}
