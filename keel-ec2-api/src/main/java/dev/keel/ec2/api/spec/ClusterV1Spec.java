package dev.keel.ec2.api.spec;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.cloud.api.spec.ManagedRolloutConfig;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * {@code ec2/cluster@v1} (deprecated): as v1.1 but naming its artifact through {@code imageProvider}.
 * Migrated to {@link Ec2ClusterSpec} when read.
 *
 * @param moniker the cluster's name
 * @param imageProvider the artifact reference holder
 * @param deployWith the deploy strategy
 * @param managedRollout must be disabled
 * @param locations locations
 * @param launchConfiguration launch settings
 * @param capacity capacity
 * @param dependencies dependencies
 * @param health health settings
 * @param scaling scaling
 * @param tags tags
 * @param overrides per-region settings
 */
public record ClusterV1Spec(Moniker moniker, @Nullable ImageProvider imageProvider, @Nullable DeployWith deployWith,
    @Nullable ManagedRolloutConfig managedRollout, @Nullable Locations locations,
    @Nullable LaunchConfigurationSpec launchConfiguration, @Nullable CapacitySpec capacity,
    @Nullable ClusterDependencies dependencies, @Nullable HealthSpec health, @Nullable ScalingSpec scaling,
    @Nullable Map<String, String> tags, @Nullable Map<String, ServerGroupSpec> overrides)
    implements Monikered, Locatable {

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * v1's artifact holder.
   *
   * @param reference the artifact reference
   */
  public record ImageProvider(String reference) {}
}
