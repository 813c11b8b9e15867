package dev.keel.support.sim;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.InstanceCounts;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A simulated server group, mutable inside its simulated cloud: an EC2 auto scaling group, a Titus job. Its
 * instances are healthy from {@code healthyAt} on (never when null).
 *
 * @param <G> the cloud's server group model
 */
public final class SimServerGroup<G extends ClusterServerGroup<G, ?>> {

  final String name;
  @Nullable final String id;
  final Instant createdAt;
  boolean enabled = true;
  G model;
  int desired;
  @Nullable Instant healthyAt;
  /** The ids the cloud gave the attached scaling policies, by policy, in attachment order. */
  final Map<Object, String> policyIds = new LinkedHashMap<>();

  SimServerGroup(String name, @Nullable String id, Instant createdAt, G model, int desired,
      @Nullable Instant healthyAt) {
    this.name = name;
    this.id = id;
    this.createdAt = createdAt;
    this.model = model;
    this.desired = desired;
    this.healthyAt = healthyAt;
  }

  /**
   * The server group's model.
   *
   * @return it
   */
  public G model() {
    return model;
  }

  /**
   * The ids the cloud gave the attached scaling policies, by policy; the cloud keeps them up to date.
   *
   * @return the ids, in attachment order
   */
  public Map<Object, String> policyIds() {
    return policyIds;
  }

  /** A frozen copy, for the lagging read model. */
  Snapshot<G> snapshot() {
    return new Snapshot<>(name, id, createdAt, enabled, model, desired, healthyAt,
        Collections.unmodifiableMap(new LinkedHashMap<>(policyIds)));
  }

  /**
   * A server group as reads see it.
   *
   * @param name its name
   * @param id the cloud's id for it (a Titus job id), or null
   * @param createdAt when it was created
   * @param enabled whether it takes traffic
   * @param model its model
   * @param desired its instance count
   * @param healthyAt when its instances are healthy, or null for never
   * @param policyIds the ids of its scaling policies, by policy, in attachment order
   * @param <G> the cloud's server group model
   */
  public record Snapshot<G extends ClusterServerGroup<G, ?>>(String name, @Nullable String id, Instant createdAt,
      boolean enabled, G model, int desired, @Nullable Instant healthyAt, Map<Object, String> policyIds) {

    /**
     * The instances' health at a time.
     *
     * @param now the time
     * @return all up once healthy, else all unknown
     */
    public InstanceCounts instances(Instant now) {
      boolean up = healthyAt != null && !now.isBefore(healthyAt);
      return up ? new InstanceCounts(desired, desired, 0, 0) : new InstanceCounts(desired, 0, 0, desired);
    }

    /**
     * The capacity as the cloud reports it: with the instance count as desired, unless scaling policies decide
     * it.
     *
     * @return the capacity
     */
    public Capacity reportedCapacity() {
      Capacity c = model.capacity();
      return model.scaling().hasPolicies() ? new Capacity(c.min(), c.max(), null)
          : new Capacity(c.min(), c.max(), desired);
    }
  }
}
