package dev.keel.titus.api;

import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A scaling policy attached to a job, with the id Titus gave it (deletes are by id).
 *
 * @param id the policy id
 * @param targetTracking the policy, when it tracks a target
 * @param step the policy, when it steps
 */
public record ScalingPolicyRef(String id, @Nullable TargetTrackingPolicy targetTracking,
    @Nullable StepScalingPolicy step) {

  /** Checks that exactly one policy is given. */
  public ScalingPolicyRef {
    Objects.requireNonNull(id, "id");
    if ((targetTracking == null) == (step == null)) {
      throw new IllegalArgumentException("A scaling policy reference holds exactly one policy");
    }
  }

  /**
   * The policy.
   *
   * @return the target tracking or step policy
   */
  public Object policy() {
    return targetTracking != null ? targetTracking : step;
  }
}
