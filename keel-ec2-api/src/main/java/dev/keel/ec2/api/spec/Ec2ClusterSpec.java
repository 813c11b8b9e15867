package dev.keel.ec2.api.spec;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.cloud.api.spec.ClusterSpec;
import dev.keel.cloud.api.spec.ManagedRolloutConfig;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * {@code ec2/cluster@v1.1}: a cluster of auto scaling groups in several regions, one active server group per
 * region. The cluster-wide server group settings sit at the top level; {@code overrides} adjust them per
 * region.
 *
 * @param moniker the cluster's name
 * @param artifactReference the {@code deb} artifact deployed, or null when the image is given directly
 * @param artifactVersion the version to deploy, filled in by the engine's artifact resolver
 * @param deployWith the deploy strategy, red-black by default
 * @param managedRollout must be disabled
 * @param locations account, subnet purpose, VPC and regions
 * @param launchConfiguration cluster-wide launch settings
 * @param capacity cluster-wide capacity
 * @param dependencies cluster-wide dependencies
 * @param health cluster-wide health settings
 * @param scaling cluster-wide scaling
 * @param tags cluster-wide tags
 * @param overrides per-region settings
 */
public record Ec2ClusterSpec(Moniker moniker, @Nullable String artifactReference, @Nullable String artifactVersion,
    @Nullable DeployWith deployWith, @Nullable ManagedRolloutConfig managedRollout, @Nullable Locations locations,
    @Nullable LaunchConfigurationSpec launchConfiguration, @Nullable CapacitySpec capacity,
    @Nullable ClusterDependencies dependencies, @Nullable HealthSpec health, @Nullable ScalingSpec scaling,
    @Nullable Map<String, String> tags, @Nullable Map<String, ServerGroupSpec> overrides)
    implements ClusterSpec {

  /** Defaults the strategy and checks the overrides name declared regions. */
  public Ec2ClusterSpec {
    Objects.requireNonNull(moniker, "An ec2/cluster needs a moniker (app, stack, detail)");
    deployWith = deployWith == null ? DeployWith.redBlack() : deployWith;
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    new ServerGroupSpec(launchConfiguration, capacity, dependencies, health, scaling, tags);
    ClusterSpec.checkOverriddenRegions(locations, overrides.keySet());
  }

  /**
   * The cluster-wide server group settings.
   *
   * @return the defaults
   */
  public ServerGroupSpec defaults() {
    return new ServerGroupSpec(launchConfiguration, capacity, dependencies, health, scaling, tags);
  }

  /**
   * A copy with other cluster-wide settings and overrides.
   *
   * @param d the defaults
   * @param o the overrides
   * @return the copy
   */
  public Ec2ClusterSpec with(ServerGroupSpec d, Map<String, ServerGroupSpec> o) {
    return new Ec2ClusterSpec(moniker, artifactReference, artifactVersion, deployWith, managedRollout, locations,
        d.launchConfiguration(), d.capacity(), d.dependencies(), d.health(), d.scaling(), d.tags(), o);
  }

  /**
   * A copy with other locations.
   *
   * @param l the locations
   * @return the copy
   */
  public Ec2ClusterSpec withLocations(Locations l) {
    return new Ec2ClusterSpec(moniker, artifactReference, artifactVersion, deployWith, managedRollout, l,
        launchConfiguration, capacity, dependencies, health, scaling, tags, overrides);
  }

  @Override
  public Ec2ClusterSpec withArtifactVersion(String version) {
    return new Ec2ClusterSpec(moniker, artifactReference, version, deployWith, managedRollout, locations,
        launchConfiguration, capacity, dependencies, health, scaling, tags, overrides);
  }

  @Override
  @Nullable
  public ClusterDependencies regionDependencies(String region) {
    ServerGroupSpec o = overrides.get(region);
    return o == null ? null : o.dependencies();
  }
}
