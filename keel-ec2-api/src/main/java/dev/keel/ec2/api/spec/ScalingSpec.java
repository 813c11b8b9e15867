package dev.keel.ec2.api.spec;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Auto scaling: suspended processes and scaling policies. An override's sets are added to the cluster's.
 *
 * @param suspendedProcesses the suspended auto scaling processes
 * @param targetTrackingPolicies target tracking policies
 * @param stepScalingPolicies step scaling policies
 */
public record ScalingSpec(Set<String> suspendedProcesses, Set<TargetTrackingPolicy> targetTrackingPolicies,
    Set<StepScalingPolicy> stepScalingPolicies) {

  /** Nothing. */
  public static final ScalingSpec NONE = new ScalingSpec(null, null, null);

  /** Canonical process names; null sets are empty. */
  public ScalingSpec {
    suspendedProcesses = CanonicalName.SCALING_PROCESSES.of(suspendedProcesses);
    targetTrackingPolicies = targetTrackingPolicies == null ? Set.of() : Set.copyOf(targetTrackingPolicies);
    stepScalingPolicies = stepScalingPolicies == null ? Set.of() : Set.copyOf(stepScalingPolicies);
  }

  /**
   * Whether any scaling policy is declared.
   *
   * @return true if there are policies
   */
  public boolean hasPolicies() {
    return !targetTrackingPolicies.isEmpty() || !stepScalingPolicies.isEmpty();
  }

  /**
   * The union with another scaling block.
   *
   * @param other the other block, or null
   * @return the union
   */
  public ScalingSpec plus(@Nullable ScalingSpec other) {
    if (other == null) {
      return this;
    }
    var p = new LinkedHashSet<>(suspendedProcesses);
    p.addAll(other.suspendedProcesses);
    var t = new LinkedHashSet<>(targetTrackingPolicies);
    t.addAll(other.targetTrackingPolicies);
    var s = new LinkedHashSet<>(stepScalingPolicies);
    s.addAll(other.stepScalingPolicies);
    return new ScalingSpec(p, t, s);
  }
}
