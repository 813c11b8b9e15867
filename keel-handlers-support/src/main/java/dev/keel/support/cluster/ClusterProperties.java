package dev.keel.support.cluster;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.ResourceDiff;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * The top-level properties of a region's diff that the decision table acts on. A change of the desired
   * instance count where one side has no count ({@code capacity/desired} added or removed) is left out: the
   * model leaves the count out exactly when scaling policies own it, so the autoscaler, not the user, decides
   * it, and adding or removing a policy is one scaling operation rather than a resize as well. A count that
   * both sides declare, and min and max, are compared as usual.
   *
   * @param regional the diff of one region's model
   * @return the changed properties; empty when in sync or only the autoscaler's count differs
   */
  public Set<String> changed(ResourceDiff<?> regional) {
    Set<String> out = new TreeSet<>();
    for (Change c : regional.changes()) {
      List<String> segments = c.segments();
      if (segments.isEmpty()) {
        continue;
      }
      boolean autoscalersCount = segments.equals(List.of(capacity, "desired"))
          && (c.op() == ChangeOp.ADD || c.op() == ChangeOp.REMOVE);
      if (!autoscalersCount) {
        out.add(segments.get(0));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Checks for nulls. */
  public ClusterProperties {
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(scaling, "scaling");
    Objects.requireNonNull(onlyEnabled, "onlyEnabled");
  }
}
