package dev.keel.cloud.api;

import dev.keel.cloud.api.deploy.DeployHealth;

/**
 * The health of a server group's instances.
 *
 * @param total all instances
 * @param up healthy
 * @param down unhealthy
 * @param unknown not reported yet
 */
public record InstanceCounts(int total, int up, int down, int unknown) {

  /**
   * Keel's health rule: {@code min <= total <= max}, and every instance up (AUTO) or up or unknown (NONE).
   *
   * @param capacity the group's capacity
   * @param health the health waited for
   * @return whether the group is healthy
   */
  public boolean isHealthy(Capacity capacity, DeployHealth health) {
    boolean sized = total >= capacity.min() && total <= capacity.max();
    return sized && (health == DeployHealth.AUTO ? up == total : up + unknown == total);
  }
}
