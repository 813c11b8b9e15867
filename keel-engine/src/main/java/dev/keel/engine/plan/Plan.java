package dev.keel.engine.plan;

import java.util.List;
import java.util.Optional;

/**
 * What the engine would do for every resource of a delivery config.
 *
 * @param deliveryConfig the config's name
 * @param resources one plan per resource, in the config's order
 */
public record Plan(String deliveryConfig, List<ResourcePlan> resources) {

  /** Copies the list. */
  public Plan {
    resources = List.copyOf(resources);
  }

  /**
   * Whether every resource is in sync.
   *
   * @return true when no resource would be created or updated, blocked, waiting or failing
   */
  public boolean inSync() {
    return resources.stream().allMatch(r -> r.action() == PlannedAction.NONE);
  }

  /**
   * The plan of one resource.
   *
   * @param resourceId the id
   * @return its plan, if the config holds it
   */
  public Optional<ResourcePlan> resource(String resourceId) {
    return resources.stream().filter(r -> r.resourceId().equals(resourceId)).findFirst();
  }
}
