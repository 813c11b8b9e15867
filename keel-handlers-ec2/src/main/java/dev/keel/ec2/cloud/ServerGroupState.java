package dev.keel.ec2.cloud;

import dev.keel.ec2.model.ServerGroup;
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
public record ServerGroupState(String name, Instant createdAt, boolean enabled, ServerGroup model,
    int desiredInstances, InstanceCounts instances) {

  /** Checks for nulls. */
  public ServerGroupState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(model, "model");
  }
}
