package dev.keel.ec2.api.model;

import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.ec2.api.spec.StepScalingPolicy;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import java.util.HashSet;
import java.util.Set;

/**
 * A server group's scaling policies (without their cloud-given names).
 *
 * @param targetTrackingPolicies target tracking policies
 * @param stepScalingPolicies step policies
 */
public record Scaling(Set<TargetTrackingPolicy> targetTrackingPolicies, Set<StepScalingPolicy> stepScalingPolicies)
    implements ScalingPolicies<Scaling> {

  /** No policies. */
  public static final Scaling NONE = new Scaling(Set.of(), Set.of());

  /** Copies the sets. */
  public Scaling {
    targetTrackingPolicies = Set.copyOf(targetTrackingPolicies);
    stepScalingPolicies = Set.copyOf(stepScalingPolicies);
  }

  /**
   * Whether there are policies.
   *
   * @return true if any
   */
  @Override
  public boolean hasPolicies() {
    return !targetTrackingPolicies.isEmpty() || !stepScalingPolicies.isEmpty();
  }

  @Override
  public int count() {
    return targetTrackingPolicies.size() + stepScalingPolicies.size();
  }

  /**
   * The policies here that are not in another.
   *
   * @param other the other policies
   * @return this minus other
   */
  @Override
  public Scaling minus(Scaling other) {
    var t = new HashSet<>(targetTrackingPolicies);
    t.removeAll(other.targetTrackingPolicies);
    var s = new HashSet<>(stepScalingPolicies);
    s.removeAll(other.stepScalingPolicies);
    return new Scaling(t, s);
  }

  /**
   * These policies and another's.
   *
   * @param other the other policies
   * @return the union
   */
  @Override
  public Scaling plus(Scaling other) {
    var t = new HashSet<>(targetTrackingPolicies);
    t.addAll(other.targetTrackingPolicies);
    var s = new HashSet<>(stepScalingPolicies);
    s.addAll(other.stepScalingPolicies);
    return new Scaling(t, s);
  }
}
