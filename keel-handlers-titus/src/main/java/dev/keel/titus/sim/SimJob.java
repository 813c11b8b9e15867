package dev.keel.titus.sim;

import dev.keel.titus.cloud.InstanceCounts;
import dev.keel.titus.cloud.JobState;
import dev.keel.titus.cloud.ScalingPolicyRef;
import dev.keel.titus.spec.StepScalingPolicy;
import dev.keel.titus.spec.TargetTrackingPolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.keel.titus.model.Capacity;
import dev.keel.titus.model.TitusServerGroup;
import java.time.Instant;
import javax.annotation.Nullable;

/** A simulated Titus job (server group), mutable inside the simulator; tasks healthy from {@code healthyAt}. */
final class SimJob {

  final String name;
  final String jobId;
  final Instant createdAt;
  boolean enabled = true;
  TitusServerGroup model;
  int desired;
  @Nullable Instant healthyAt;
  /** Policy ids by policy, in attachment order. */
  final Map<Object, String> policyIds = new LinkedHashMap<>();

  SimJob(String name, String jobId, Instant createdAt, TitusServerGroup model, int desired,
      @Nullable Instant healthyAt) {
    this.name = name;
    this.jobId = jobId;
    this.createdAt = createdAt;
    this.model = model;
    this.desired = desired;
    this.healthyAt = healthyAt;
  }

  /** A frozen copy, for the lagging read model. */
  Snapshot snapshot() {
    List<ScalingPolicyRef> refs = new ArrayList<>();
    policyIds.forEach((policy, id) -> refs.add(policy instanceof TargetTrackingPolicy t
        ? new ScalingPolicyRef(id, t, null) : new ScalingPolicyRef(id, null, (StepScalingPolicy) policy)));
    return new Snapshot(name, jobId, createdAt, enabled, model, desired, healthyAt, List.copyOf(refs));
  }

  /** A job as read at some time. */
  record Snapshot(String name, String jobId, Instant createdAt, boolean enabled, TitusServerGroup model, int desired,
      @Nullable Instant healthyAt, List<ScalingPolicyRef> policies) {

    JobState at(Instant now) {
      boolean up = healthyAt != null && !now.isBefore(healthyAt);
      InstanceCounts counts = up ? new InstanceCounts(desired, desired, 0, 0) : new InstanceCounts(desired, 0, 0, desired);
      Capacity c = model.capacity();
      Capacity reported = model.scaling().hasPolicies() ? new Capacity(c.min(), c.max(), null)
          : new Capacity(c.min(), c.max(), desired);
      return new JobState(name, jobId, createdAt, enabled, model.as(name, jobId, false).withCapacity(reported), counts,
          policies);
    }
  }
}
