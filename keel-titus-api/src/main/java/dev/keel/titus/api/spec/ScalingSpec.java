package dev.keel.titus.api.spec;

import dev.keel.cloud.api.ScalingPolicies;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Titus scaling policies (Titus has no suspended processes). A region's override replaces the cluster's
 * block as a whole, as in Keel.
 *
 * @param targetTrackingPolicies target tracking policies
 * @param stepScalingPolicies step scaling policies
 */
public record ScalingSpec(Set<TargetTrackingPolicy> targetTrackingPolicies, Set<StepScalingPolicy> stepScalingPolicies)
    implements ScalingPolicies<ScalingSpec> {

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
  @Override
  public boolean hasPolicies() {
    return !targetTrackingPolicies.isEmpty() || !stepScalingPolicies.isEmpty();
  }

  /**
   * The policies of this block that another lacks.
   *
   * @param other the other block
   * @return the difference
   */
  @Override
  public ScalingSpec minus(ScalingSpec other) {
    var t = new java.util.HashSet<>(targetTrackingPolicies);
    t.removeAll(other.targetTrackingPolicies);
    var s = new java.util.HashSet<>(stepScalingPolicies);
    s.removeAll(other.stepScalingPolicies);
    return new ScalingSpec(t, s);
  }

  /**
   * The policies of this block and another's.
   *
   * @param other the other block
   * @return the union
   */
  @Override
  public ScalingSpec plus(ScalingSpec other) {
    var t = new java.util.HashSet<>(targetTrackingPolicies);
    t.addAll(other.targetTrackingPolicies);
    var s = new java.util.HashSet<>(stepScalingPolicies);
    s.addAll(other.stepScalingPolicies);
    return new ScalingSpec(t, s);
  }

  @Override
  public int count() {
    return targetTrackingPolicies.size() + stepScalingPolicies.size();
  }
}
