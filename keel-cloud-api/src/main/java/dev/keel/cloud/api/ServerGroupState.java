package dev.keel.cloud.api;

import java.time.Instant;

/**
 * One server group of a cluster as a cloud reports it.
 *
 * @param <G> the cloud's server group model
 */
public interface ServerGroupState<G extends ClusterServerGroup<G, ?>> {

  /**
   * The server group's name.
   *
   * @return {@code <cluster>-vNNN}
   */
  String name();

  /**
   * When it was created.
   *
   * @return the time
   */
  Instant createdAt();

  /**
   * Whether it takes traffic.
   *
   * @return true if enabled
   */
  boolean enabled();

  /**
   * Its settings in the compared model: the name is the server group's, and the capacity leaves the desired
   * count out when scaling policies decide it.
   *
   * @return the model
   */
  G model();

  /**
   * Its instances' health.
   *
   * @return the counts
   */
  InstanceCounts instances();

  /**
   * The model of this server group as the active one of its region: named after it.
   *
   * @param onlyEnabled whether it is the only enabled group of its region
   * @return the model
   */
  default G asActive(boolean onlyEnabled) {
    return model().asServerGroup(name(), onlyEnabled);
  }
}
