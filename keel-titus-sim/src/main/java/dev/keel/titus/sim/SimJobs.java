package dev.keel.titus.sim;

import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.support.sim.SimClusters;
import dev.keel.support.sim.SimServerGroup;
import dev.keel.support.sim.SimTimeline;
import dev.keel.titus.api.ScalingPolicyRef;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The simulated Titus's jobs: the shared {@link SimClusters}, with what is Titus's own: every job gets a job id,
 * and every scaling policy attached to a job an id by which it is deleted.
 */
final class SimJobs extends SimClusters<TitusServerGroup, ScalingSpec, TitusServerGroupState> {

  private int nextJobId;
  private int nextPolicyId;

  SimJobs(SimTimeline timeline) {
    super(timeline, "Tasks");
  }

  @Override
  protected TitusServerGroupState state(SimServerGroup.Snapshot<TitusServerGroup> job, TitusServerGroup reported,
      InstanceCounts instances) {
    List<ScalingPolicyRef> refs = new ArrayList<>();
    job.policyIds().forEach((policy, id) -> refs.add(policy instanceof TargetTrackingPolicy t
        ? new ScalingPolicyRef(id, t, null) : new ScalingPolicyRef(id, null, (StepScalingPolicy) policy)));
    return new TitusServerGroupState(job.name(), job.id(), job.createdAt(), job.enabled(), reported, instances, refs);
  }

  @Override
  protected TitusServerGroup named(TitusServerGroup model, String name, @Nullable String id) {
    return model.as(name, id, false);
  }

  @Override
  protected String newId() {
    return "titus-job-" + (++nextJobId);
  }

  /** Gives every attached policy without an id one, and forgets the ids of policies no longer attached. */
  @Override
  protected void changed(SimServerGroup<TitusServerGroup> job) {
    Set<Object> attached = new HashSet<>(job.model().scaling().targetTrackingPolicies());
    attached.addAll(job.model().scaling().stepScalingPolicies());
    Map<Object, String> ids = job.policyIds();
    ids.keySet().retainAll(attached);
    for (Object p : attached) {
      ids.computeIfAbsent(p, x -> "policy-" + (++nextPolicyId));
    }
  }

  /** Titus deletes policies by the ids it gave them; an unknown id fails the stage. */
  @Override
  @Nullable
  protected String deletePolicies(SimServerGroup<TitusServerGroup> job,
      ServerGroupOperation.DeleteScalingPolicies<ScalingSpec> delete) {
    Set<String> unknown = new HashSet<>(delete.policyIds());
    unknown.removeAll(job.policyIds().values());
    if (!unknown.isEmpty()) {
      return "No scaling policies " + unknown + " on " + delete.serverGroupName();
    }
    Set<TargetTrackingPolicy> t = new HashSet<>(job.model().scaling().targetTrackingPolicies());
    Set<StepScalingPolicy> s = new HashSet<>(job.model().scaling().stepScalingPolicies());
    job.policyIds().forEach((policy, id) -> {
      if (delete.policyIds().contains(id)) {
        t.remove(policy);
        s.remove(policy);
      }
    });
    replaceModel(job, job.model().withScaling(new ScalingSpec(t, s)));
    return null;
  }
}
