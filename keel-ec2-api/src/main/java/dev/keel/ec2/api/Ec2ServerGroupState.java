package dev.keel.ec2.api;

import dev.keel.cloud.api.InstanceCounts;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import java.time.Instant;
import java.util.Objects;

/**
 * One server group of a cluster as the cloud reports it.
 *
 * @param name the server group's name, {@code <cluster>-vNNN}
 * @param createdAt when it was created
 * @param enabled whether it takes traffic
 * @param model its settings in the compared model (name = server group name; capacity with the desired
 *     count left out when scaling policies exist)
 * @param desiredInstances the instance count it is sized to
 * @param instances its instances' health
 */
public record Ec2ServerGroupState(String name, Instant createdAt, boolean enabled, Ec2ServerGroup model,
    int desiredInstances, InstanceCounts instances) implements ServerGroupState<Ec2ServerGroup> {

  /** Checks for nulls. */
  public Ec2ServerGroupState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
  }
}
