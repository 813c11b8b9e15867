package dev.keel.titus.cloud;

import dev.keel.support.deploy.DeployHealth;
import dev.keel.titus.model.Capacity;

/**
 * The health of a job's tasks.
 *
 * @param total all tasks
 * @param up healthy
 * @param down unhealthy
 * @param unknown not reported yet
 */
public record InstanceCounts(int total, int up, int down, int unknown) {

  /**
   * Keel's health rule: {@code min <= total <= max}, and every task up (AUTO) or up or unknown (NONE).
   *
   * @param capacity the job's capacity
   * @param health the health waited for
   * @return whether the job is healthy
   */
  public boolean isHealthy(Capacity capacity, DeployHealth health) {
    boolean sized = total >= capacity.min() && total <= capacity.max();
    return sized && (health == DeployHealth.AUTO ? up == total : up + unknown == total);
  }
}
