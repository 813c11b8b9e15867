package dev.keel.titus.api.spec;

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
 * {@code titus/cluster@v1}: a cluster of Titus jobs in several regions of one account, one active job (server
 * group) per region. Cluster-wide settings sit at the top level; {@code overrides} adjust them per region.
 *
 * @param moniker the cluster's name
 * @param container the image: a Docker artifact reference, a fixed digest or tag, or a followed image
 * @param artifactVersion the Docker tag to deploy, written in by the engine's artifact resolver
 * @param image the digest the image resolver found, or null before resolution
 * @param deployWith the deploy strategy, red-black by default
 * @param managedRollout Keel's managed rollout; accepted only disabled
 * @param locations account and regions
 * @param capacity cluster-wide capacity
 * @param capacityGroup cluster-wide capacity group
 * @param constraints cluster-wide placement constraints
 * @param dependencies cluster-wide dependencies
 * @param entryPoint cluster-wide entry point
 * @param env cluster-wide environment variables
 * @param containerAttributes cluster-wide container attributes
 * @param iamProfile the IAM profile
 * @param migrationPolicy cluster-wide migration policy
 * @param resources cluster-wide resources
 * @param tags cluster-wide tags
 * @param scaling cluster-wide scaling policies
 * @param overrides per-region settings
 */
public record TitusClusterSpec(Moniker moniker, ContainerSpec container, @Nullable String artifactVersion,
    @Nullable ResolvedImage image, @Nullable DeployWith deployWith, @Nullable ManagedRolloutConfig managedRollout,
    @Nullable Locations locations,
    @Nullable CapacitySpec capacity, @Nullable String capacityGroup, @Nullable ConstraintsSpec constraints,
    @Nullable ClusterDependencies dependencies, @Nullable String entryPoint, @Nullable Map<String, String> env,
    @Nullable Map<String, String> containerAttributes, @Nullable String iamProfile,
    @Nullable MigrationPolicySpec migrationPolicy, @Nullable ResourcesSpec resources, @Nullable Map<String, String> tags,
    @Nullable ScalingSpec scaling, @Nullable Map<String, TitusServerGroupSpec> overrides)
    implements ClusterSpec {

  /** Defaults the strategy and checks that overrides name declared regions. */
  public TitusClusterSpec {
    Objects.requireNonNull(moniker, "A titus/cluster needs a moniker (app, stack, detail)");
    Objects.requireNonNull(container, "A titus/cluster needs a container: {reference: <docker artifact>} or"
        + " {organization, image, digest}");
    deployWith = deployWith == null ? DeployWith.redBlack() : deployWith;
    overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    new TitusServerGroupSpec(capacity, capacityGroup, constraints, dependencies, entryPoint, env, containerAttributes,
        iamProfile, migrationPolicy, resources, tags, scaling);
    ClusterSpec.checkOverriddenRegions(locations, overrides.keySet());
  }

  @Override
  @Nullable
  public String artifactReference() {
    return container.reference();
  }

  /**
   * The cluster-wide server group settings.
   *
   * @return the defaults
   */
  public TitusServerGroupSpec defaults() {
    return new TitusServerGroupSpec(capacity, capacityGroup, constraints, dependencies, entryPoint, env,
        containerAttributes, iamProfile, migrationPolicy, resources, tags, scaling);
  }

  /**
   * A copy with other cluster-wide settings and overrides.
   *
   * @param d the defaults
   * @param o the overrides
   * @return the copy
   */
  public TitusClusterSpec with(TitusServerGroupSpec d, Map<String, TitusServerGroupSpec> o) {
    return new TitusClusterSpec(moniker, container, artifactVersion, image, deployWith, managedRollout, locations,
        d.capacity(),
        d.capacityGroup(), d.constraints(), d.dependencies(), d.entryPoint(), d.env(), d.containerAttributes(),
        d.iamProfile(), d.migrationPolicy(), d.resources(), d.tags(), d.scaling(), o);
  }

  /**
   * A copy with a resolved image (and the version it stands for).
   *
   * @param resolved the image
   * @param version the artifact version
   * @return the copy
   */
  public TitusClusterSpec withImage(ResolvedImage resolved, String version) {
    return new TitusClusterSpec(moniker, container, version, resolved, deployWith, managedRollout, locations, capacity, capacityGroup,
        constraints, dependencies, entryPoint, env, containerAttributes, iamProfile, migrationPolicy, resources, tags,
        scaling, overrides);
  }

  /**
   * A copy with other locations.
   *
   * @param l the locations
   * @return the copy
   */
  public TitusClusterSpec withLocations(Locations l) {
    return new TitusClusterSpec(moniker, container, artifactVersion, image, deployWith, managedRollout, l, capacity, capacityGroup,
        constraints, dependencies, entryPoint, env, containerAttributes, iamProfile, migrationPolicy, resources, tags,
        scaling, overrides);
  }

  @Override
  public TitusClusterSpec withArtifactVersion(String version) {
    return new TitusClusterSpec(moniker, container, version, image, deployWith, managedRollout, locations, capacity,
        capacityGroup,
        constraints, dependencies, entryPoint, env, containerAttributes, iamProfile, migrationPolicy, resources, tags,
        scaling, overrides);
  }

  @Override
  @Nullable
  public ClusterDependencies regionDependencies(String region) {
    TitusServerGroupSpec o = overrides.get(region);
    return o == null ? null : o.dependencies();
  }
}
