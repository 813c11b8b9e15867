package dev.keel.spi.model;

import java.util.Set;

/**
 * A spec that needs other resources to exist first. The engine holds such a resource back (status
 * {@code MISSING_DEPENDENCY}) while a veto reports a dependency missing.
 */
public interface Dependent extends ResourceSpec {

  /**
   * What this resource needs.
   *
   * @return the dependencies, possibly empty
   */
  Set<Dependency> dependsOn();
}
