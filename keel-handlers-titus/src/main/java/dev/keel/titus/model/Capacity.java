package dev.keel.titus.model;

import javax.annotation.Nullable;

/**
 * A job's capacity as compared. {@code desired} is null when scaling policies decide it, in desired and
 * current alike, so autoscaling never shows as drift.
 *
 * @param min the fewest tasks
 * @param max the most tasks
 * @param desired the tasks wanted, or null with scaling policies
 */
public record Capacity(int min, int max, @Nullable Integer desired) {

  /**
   * How many tasks a job sized by this capacity starts with.
   *
   * @param previous the count of the group it replaces or resizes, or null
   * @return the count, within min and max
   */
  public int initialInstances(@Nullable Integer previous) {
    int wanted = desired != null ? desired : previous != null ? previous : min;
    return Math.max(min, Math.min(max, wanted));
  }
}
