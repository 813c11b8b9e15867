package dev.keel.cloud.api.spec;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.DependencyType;
import dev.keel.spi.model.Dependent;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Monikered;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * What every cluster spec has and the shared cluster handler reads: a moniker, locations, a deploy strategy,
 * the artifact it deploys, and dependencies by name (cluster-wide, plus what a region's override adds).
 */
public interface ClusterSpec extends Monikered, Locatable, ArtifactReferencing, Dependent {

  /**
   * The deploy strategy as declared.
   *
   * @return the {@code deployWith} block, red-black by default
   */
  DeployWith deployWith();

  /**
   * The cluster-wide dependencies.
   *
   * @return them, or null when the spec declares none
   */
  @Nullable
  ClusterDependencies dependencies();

  /**
   * The dependencies a region's override adds to the cluster-wide ones.
   *
   * @param region the region
   * @return them, or null when the region has no override or it declares none
   */
  @Nullable
  ClusterDependencies regionDependencies(String region);

  /**
   * The security groups, load balancers and target groups each region needs, for the engine's dependency
   * checks.
   *
   * @return the dependencies, by region
   */
  @Override
  default Set<Dependency> dependsOn() {
    Set<Dependency> out = new LinkedHashSet<>();
    if (locations() == null) {
      return out;
    }
    for (String region : locations().regionNames()) {
      ClusterDependencies d = (dependencies() == null ? ClusterDependencies.NONE : dependencies())
          .plus(regionDependencies(region));
      d.securityGroupNames().forEach(n -> out.add(new Dependency(DependencyType.SECURITY_GROUP, region, n, null)));
      d.loadBalancerNames().forEach(n -> out.add(new Dependency(DependencyType.LOAD_BALANCER, region, n, null)));
      d.targetGroups().forEach(n -> out.add(new Dependency(DependencyType.TARGET_GROUP, region, n, null)));
    }
    return out;
  }

  /**
   * A cluster's id: its account and moniker name, {@code test:fnord-main}.
   *
   * @return the id
   */
  @Override
  default String id() {
    return (locations() == null ? "?" : locations().account()) + ":" + moniker().toName();
  }

  /**
   * Checks that every region a spec overrides is one of its locations' regions.
   *
   * @param locations the spec's locations, or null while the environment's are not yet filled in
   * @param overriddenRegions the regions its {@code overrides} name
   * @throws IllegalArgumentException naming the first region that is not in the locations
   */
  static void checkOverriddenRegions(@Nullable Locations locations, Set<String> overriddenRegions) {
    if (locations == null) {
      return;
    }
    for (String region : overriddenRegions) {
      if (!locations.regionNames().contains(region)) {
        throw new IllegalArgumentException("overrides names region " + region + " which is not in locations.regions "
            + locations.regionNames() + ": add the region or remove the override");
      }
    }
  }
}
