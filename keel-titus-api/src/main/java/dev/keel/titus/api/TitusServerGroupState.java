package dev.keel.titus.api;

import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
public record TitusServerGroupState(String name, String jobId, Instant createdAt, boolean enabled, TitusServerGroup model,
    InstanceCounts instances, List<ScalingPolicyRef> policies) implements ServerGroupState<TitusServerGroup> {
  /** Checks for nulls and copies. */
  public TitusServerGroupState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /** The job as the active one of its region, with its job id. */
  @Override
  public TitusServerGroup asActive(boolean onlyEnabled) {
    return model.as(name, jobId, onlyEnabled);
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
