package dev.keel.ec2.api.spec;

import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Server group settings for every region (flattened at the top of a cluster spec) or one region's
 * override. In an override, launch configuration and health fields replace the cluster's one by one,
 * capacity replaces it, dependencies and scaling sets are added, and tags are merged.
 *
 * @param launchConfiguration launch settings
 * @param capacity capacity
 * @param dependencies load balancers, security groups and target groups
 * @param health health settings
 * @param scaling suspended processes and scaling policies
 * @param tags tags
 */
public record ServerGroupSpec(@Nullable LaunchConfigurationSpec launchConfiguration, @Nullable CapacitySpec capacity,
    @Nullable ClusterDependencies dependencies, @Nullable HealthSpec health, @Nullable ScalingSpec scaling,
    @Nullable Map<String, String> tags) {

  /** Nothing. */
  public static final ServerGroupSpec EMPTY = new ServerGroupSpec(null, null, null, null, null, null);

  /** Keel's invariant: a desired capacity and scaling policies exclude each other. */
  public ServerGroupSpec {
    if (capacity != null && capacity.desired() != null && scaling != null && scaling.hasPolicies()) {
      throw new IllegalArgumentException("capacity.desired and scaling policies are mutually exclusive: remove"
          + " capacity.desired and let the policies decide it");
    }
    tags = tags == null ? null : Map.copyOf(tags);
  }

  /**
   * A copy with another launch configuration.
   *
   * @param lc the launch configuration
   * @return the copy
   */
  public ServerGroupSpec withLaunchConfiguration(LaunchConfigurationSpec lc) {
    return new ServerGroupSpec(lc, capacity, dependencies, health, scaling, tags);
  }
}
