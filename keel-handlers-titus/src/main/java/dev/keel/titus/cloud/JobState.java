package dev.keel.titus.cloud;

import dev.keel.titus.model.TitusServerGroup;
import dev.keel.titus.spec.ScalingSpec;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * One job (server group) of a cluster as Titus reports it.
 *
 * @param name the server group name, {@code <cluster>-vNNN}
 * @param jobId the Titus job id
 * @param createdAt when it was created
 * @param enabled whether it takes traffic
 * @param model its settings in the compared model
 * @param instances its tasks' health
 * @param policies its scaling policies with their ids (the model holds the same policies without ids)
 */
public record JobState(String name, String jobId, Instant createdAt, boolean enabled, TitusServerGroup model,
    InstanceCounts instances, List<ScalingPolicyRef> policies) {
  /** Checks for nulls and copies. */
  public JobState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /**
   * The ids of some of this job's policies.
   *
   * @param wanted the policies
   * @return their ids, in this job's order
   */
  public Set<String> idsOf(ScalingSpec wanted) {
    Set<String> out = new LinkedHashSet<>();
    for (ScalingPolicyRef p : policies) {
      if (wanted.targetTrackingPolicies().contains(p.targetTracking()) || wanted.stepScalingPolicies().contains(p.step())) {
        out.add(p.id());
      }
    }
    return out;
  }
}
