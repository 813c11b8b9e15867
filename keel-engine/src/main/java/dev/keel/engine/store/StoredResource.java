package dev.keel.engine.store;

import dev.keel.spi.model.Resource;
import java.util.Objects;

/**
 * A resource as stored: the resource, where it is declared, and its version, which grows only when the
 * kind or spec really changes.
 *
 * @param resource the resource
 * @param deliveryConfig the name of the delivery config declaring it
 * @param environment the name of its environment
 * @param version 1 for the first definition, then one more per change
 */
public record StoredResource(Resource<?> resource, String deliveryConfig, String environment, long version) {

  /** Checks for nulls. */
  public StoredResource {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(deliveryConfig, "deliveryConfig");
    Objects.requireNonNull(environment, "environment");
  }

  /**
   * The resource id.
   *
   * @return the id
   */
  public String id() {
    return resource.id();
  }
}
