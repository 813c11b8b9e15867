package dev.keel.ec2.spec;

import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.DependencyType;
import dev.keel.spi.model.Dependent;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import dev.keel.support.deploy.DeployWith;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
public record ClusterSpec(Moniker moniker, @Nullable String artifactReference, @Nullable String artifactVersion,
    @Nullable DeployWith deployWith, @Nullable ManagedRolloutConfig managedRollout, @Nullable Locations locations,
    @Nullable LaunchConfigurationSpec launchConfiguration, @Nullable CapacitySpec capacity,
    @Nullable ClusterDependencies dependencies, @Nullable HealthSpec health, @Nullable ScalingSpec scaling,
    @Nullable Map<String, String> tags, @Nullable Map<String, ServerGroupSpec> overrides)
    implements Monikered, Locatable, ArtifactReferencing, Dependent {

  /** Defaults the strategy and checks the overrides name declared regions. */
  public ClusterSpec {
    Objects.requireNonNull(moniker, "An ec2/cluster needs a moniker (app, stack, detail)");
    deployWith = deployWith == null ? DeployWith.redBlack() : deployWith;
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    new ServerGroupSpec(launchConfiguration, capacity, dependencies, health, scaling, tags);
    if (locations != null) {
      for (String region : overrides.keySet()) {
        if (!locations.regionNames().contains(region)) {
          throw new IllegalArgumentException("overrides names region " + region + " which is not in locations.regions "
              + locations.regionNames() + ": add the region or remove the override");
        }
      }
    }
  }

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
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
  public ClusterSpec with(ServerGroupSpec d, Map<String, ServerGroupSpec> o) {
    return new ClusterSpec(moniker, artifactReference, artifactVersion, deployWith, managedRollout, locations,
        d.launchConfiguration(), d.capacity(), d.dependencies(), d.health(), d.scaling(), d.tags(), o);
  }

  /**
   * A copy with other locations.
   *
   * @param l the locations
   * @return the copy
   */
  public ClusterSpec withLocations(Locations l) {
    return new ClusterSpec(moniker, artifactReference, artifactVersion, deployWith, managedRollout, l,
        launchConfiguration, capacity, dependencies, health, scaling, tags, overrides);
  }

  @Override
  public ClusterSpec withArtifactVersion(String version) {
    return new ClusterSpec(moniker, artifactReference, version, deployWith, managedRollout, locations,
        launchConfiguration, capacity, dependencies, health, scaling, tags, overrides);
  }

  @Override
  public Set<Dependency> dependsOn() {
    Set<Dependency> out = new LinkedHashSet<>();
    if (locations == null) {
      return out;
    }
    for (String region : locations.regionNames()) {
      ServerGroupSpec o = overrides.get(region);
      ClusterDependencies d = (dependencies == null ? ClusterDependencies.NONE : dependencies)
          .plus(o == null ? null : o.dependencies());
      d.securityGroupNames().forEach(n -> out.add(new Dependency(DependencyType.SECURITY_GROUP, region, n, null)));
      d.loadBalancerNames().forEach(n -> out.add(new Dependency(DependencyType.LOAD_BALANCER, region, n, null)));
      d.targetGroups().forEach(n -> out.add(new Dependency(DependencyType.TARGET_GROUP, region, n, null)));
    }
    return out;
  }
}
