package dev.keel.ec2.model;

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
   * The instance count a deploy starts with: the desired count, or for auto scaling the larger of the
   * previous group's count and min (a deploy never shrinks an autoscaled group).
   *
   * @param previous the previous group's instance count, or null
   * @return the count
   */
  public int initialInstances(@Nullable Integer previous) {
    if (desired != null) {
      return desired;
    }
    return Math.min(max, Math.max(previous == null ? 0 : previous, min));
  }
}
