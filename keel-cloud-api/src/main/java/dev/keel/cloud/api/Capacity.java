package dev.keel.cloud.api;

import javax.annotation.Nullable;

/**
 * A server group's capacity as compared; {@code desired} is null when scaling policies decide it.
 *
 * @param min the least instances
 * @param max the most instances
 * @param desired the instances wanted, or null for auto scaling
 */
public record Capacity(int min, int max, @Nullable Integer desired) {

  /**
   * How many instances a server group sized by this capacity runs: the desired count, or for auto scaling the
   * previous group's count (a deploy never shrinks an autoscaled group), within min and max.
   *
   * @param previous the count of the group it replaces or resizes, or null
   * @return the count
   */
  public int initialInstances(@Nullable Integer previous) {
    int wanted = desired != null ? desired : previous != null ? previous : min;
    return Math.max(min, Math.min(max, wanted));
  }
}
