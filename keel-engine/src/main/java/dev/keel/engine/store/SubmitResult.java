package dev.keel.engine.store;

import java.util.Set;

/**
 * What storing a delivery config changed.
 *
 * @param created ids of resources managed for the first time
 * @param updated ids of resources whose definition changed (a new version)
 * @param removed ids of resources no longer declared
 * @param unchanged ids of resources whose definition is the same
 */
public record SubmitResult(Set<String> created, Set<String> updated, Set<String> removed, Set<String> unchanged) {

  /** Copies the sets. */
  public SubmitResult {
    created = Set.copyOf(created);
    updated = Set.copyOf(updated);
    removed = Set.copyOf(removed);
    unchanged = Set.copyOf(unchanged);
  }
}
