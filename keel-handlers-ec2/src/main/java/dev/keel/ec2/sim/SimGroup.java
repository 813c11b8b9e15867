package dev.keel.ec2.sim;

import dev.keel.ec2.cloud.InstanceCounts;
import dev.keel.ec2.cloud.ServerGroupState;
import dev.keel.ec2.model.Capacity;
import dev.keel.ec2.model.ServerGroup;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * A simulated server group, mutable inside the simulator. Its instances are healthy from {@code healthyAt}
 * on (never when null).
 */
final class SimGroup {

  final String name;
  final Instant createdAt;
  boolean enabled = true;
  ServerGroup model;
  int desired;
  @Nullable Instant healthyAt;

  SimGroup(String name, Instant createdAt, ServerGroup model, int desired, @Nullable Instant healthyAt) {
    this.name = name;
    this.createdAt = createdAt;
    this.model = model;
    this.desired = desired;
    this.healthyAt = healthyAt;
  }

  /** A frozen copy, for the lagging read model. */
  Snapshot snapshot() {
    return new Snapshot(name, createdAt, enabled, model, desired, healthyAt);
  }

  /** A server group as read at some time. */
  record Snapshot(String name, Instant createdAt, boolean enabled, ServerGroup model, int desired,
      @Nullable Instant healthyAt) {

    ServerGroupState at(Instant now) {
      boolean up = healthyAt != null && !now.isBefore(healthyAt);
      InstanceCounts counts = up ? new InstanceCounts(desired, desired, 0, 0)
          : new InstanceCounts(desired, 0, 0, desired);
      Capacity c = model.capacity();
      Capacity reported = model.scaling().hasPolicies() ? new Capacity(c.min(), c.max(), null)
          : new Capacity(c.min(), c.max(), desired);
      return new ServerGroupState(name, createdAt, enabled, model.as(name, false).withCapacity(reported), desired, counts);
    }
  }
}
