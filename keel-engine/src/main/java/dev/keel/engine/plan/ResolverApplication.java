package dev.keel.engine.plan;

import dev.keel.spi.diff.Change;
import java.util.List;

/**
 * One resolver's effect on a spec.
 *
 * @param resolver the resolver's name
 * @param changes what it changed in the spec; empty if it left the spec alone
 */
public record ResolverApplication(String resolver, List<Change> changes) {

  /** Copies the changes. */
  public ResolverApplication {
    changes = List.copyOf(changes);
  }
}
