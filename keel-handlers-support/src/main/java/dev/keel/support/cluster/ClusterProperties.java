package dev.keel.support.cluster;

import java.util.Objects;

/**
 * The names of the top-level properties of a cloud's per-region cluster model that the decision table
 * classifies diffs by (by name, never by value type).
 *
 * @param capacity the capacity property, such as {@code capacity}
 * @param scaling the scaling-policies property, such as {@code scaling}
 * @param onlyEnabled the boolean that is true when exactly one server group is enabled
 */
public record ClusterProperties(String capacity, String scaling, String onlyEnabled) {

  /** The names both EC2 and Titus use. */
  public static final ClusterProperties STANDARD = new ClusterProperties("capacity", "scaling", "onlyEnabledServerGroup");

  /** Checks for nulls. */
  public ClusterProperties {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(onlyEnabled, "onlyEnabled");
  }
}
