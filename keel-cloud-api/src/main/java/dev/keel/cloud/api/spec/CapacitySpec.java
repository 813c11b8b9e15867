package dev.keel.cloud.api.spec;

import javax.annotation.Nullable;

/**
 * A server group's capacity. {@code desired} is left out when scaling policies decide it.
 *
 * @param min the least instances
 * @param max the most instances
 * @param desired the instances wanted, or null for auto scaling
 */
public record CapacitySpec(int min, int max, @Nullable Integer desired) {

  /** Checks min ≤ desired ≤ max. */
  public CapacitySpec {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("capacity needs 0 <= min <= max, got min " + min + " and max " + max);
    }
    if (desired != null && (desired < min || desired > max)) {
      throw new IllegalArgumentException("capacity.desired " + desired + " must be between min " + min + " and max " + max);
    }
  }
}
