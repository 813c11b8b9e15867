package dev.keel.titus.spec;

import java.util.Set;
import javax.annotation.Nullable;

/**
 * Titus scaling policies (Titus has no suspended processes). A region's override replaces the cluster's
 * block as a whole, as in Keel.
 *
 * @param targetTrackingPolicies target tracking policies
 * @param stepScalingPolicies step scaling policies
 */
public record ScalingSpec(Set<TargetTrackingPolicy> targetTrackingPolicies, Set<StepScalingPolicy> stepScalingPolicies) {

  /** No policies. */
  public static final ScalingSpec NONE = new ScalingSpec(null, null);

  /** Null sets are empty. */
  public ScalingSpec(@Nullable Set<TargetTrackingPolicy> targetTrackingPolicies,
      @Nullable Set<StepScalingPolicy> stepScalingPolicies) {
    this.targetTrackingPolicies = targetTrackingPolicies == null ? Set.of() : Set.copyOf(targetTrackingPolicies);
    this.stepScalingPolicies = stepScalingPolicies == null ? Set.of() : Set.copyOf(stepScalingPolicies);
  }

  /**
   * Whether any policy is declared.
   *
   * @return true if there are policies
   */
  public boolean hasPolicies() {
    return !targetTrackingPolicies.isEmpty() || !stepScalingPolicies.isEmpty();
  }

  /**
   * The policies of this block that another lacks.
   *
   * @param other the other block
   * @return the difference
   */
  public ScalingSpec minus(ScalingSpec other) {
    var t = new java.util.HashSet<>(targetTrackingPolicies);
    t.removeAll(other.targetTrackingPolicies);
    var s = new java.util.HashSet<>(stepScalingPolicies);
    s.removeAll(other.stepScalingPolicies);
    return new ScalingSpec(t, s);
  }
}
