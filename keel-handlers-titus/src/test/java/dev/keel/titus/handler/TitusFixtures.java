package dev.keel.titus.handler;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.spec.ContainerSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Titus cluster specs for the handler and scenario tests. */
public final class TitusFixtures {

  private TitusFixtures() {}

  /** The first image's digest. */
  public static final String DIGEST_1 = "sha256:1111111111111111";

  /** The second image's digest. */
  public static final String DIGEST_2 = "sha256:2222222222222222";

  /**
   * Locations in account test.
   *
   * @param regions the regions
   * @return the locations
   */
  public static Locations locations(String... regions) {
    Set<RegionSpec> set = new LinkedHashSet<>();
    for (String r : regions) {
      set.add(new RegionSpec(r, Set.of()));
    }
    return new Locations("test", null, null, set);
  }

  /**
   * A cluster pinned to a digest.
   *
   * @param deployWith the strategy
   * @param capacity the capacity
   * @param digest the digest
   * @param regions the regions
   * @return the spec
   */
  public static TitusClusterSpec cluster(DeployWith deployWith, CapacitySpec capacity, String digest,
      String... regions) {
    return new TitusClusterSpec(new Moniker("fnord", "main", null), ContainerSpec.ofDigest("illuminati", "fnord", digest),
        null, null, deployWith, null, locations(regions), capacity, null, null, null, null, Map.of("A", "1"), null, null,
        null, null, Map.of("team", "delivery"), null, Map.of());
  }

  /**
   * A red-black cluster of 2 tasks on the first digest.
   *
   * @param regions the regions
   * @return the spec
   */
  public static TitusClusterSpec cluster(String... regions) {
    return cluster(DeployWith.redBlack(), new CapacitySpec(2, 2, 2), DIGEST_1, regions);
  }

  /**
   * A copy on another digest.
   *
   * @param s the spec
   * @param digest the digest
   * @return the copy
   */
  public static TitusClusterSpec withDigest(TitusClusterSpec s, String digest) {
    return new TitusClusterSpec(s.moniker(), ContainerSpec.ofDigest("illuminati", "fnord", digest), null, null,
        s.deployWith(), s.managedRollout(), s.locations(), s.capacity(), s.capacityGroup(), s.constraints(), s.dependencies(),
        s.entryPoint(), s.env(), s.containerAttributes(), s.iamProfile(), s.migrationPolicy(), s.resources(), s.tags(),
        s.scaling(), s.overrides());
  }

  /**
   * A copy with another capacity and scaling.
   *
   * @param s the spec
   * @param c the capacity
   * @param scaling the scaling, or null
   * @return the copy
   */
  public static TitusClusterSpec with(TitusClusterSpec s, CapacitySpec c, ScalingSpec scaling) {
    TitusServerGroupSpec d = s.defaults();
    return s.with(new TitusServerGroupSpec(c, d.capacityGroup(), d.constraints(), d.dependencies(), d.entryPoint(),
        d.env(), d.containerAttributes(), d.iamProfile(), d.migrationPolicy(), d.resources(), d.tags(), scaling),
        s.overrides());
  }

  /**
   * A copy with other tags.
   *
   * @param s the spec
   * @param tags the tags
   * @return the copy
   */
  public static TitusClusterSpec withTags(TitusClusterSpec s, Map<String, String> tags) {
    TitusServerGroupSpec d = s.defaults();
    return s.with(new TitusServerGroupSpec(d.capacity(), d.capacityGroup(), d.constraints(), d.dependencies(),
        d.entryPoint(), d.env(), d.containerAttributes(), d.iamProfile(), d.migrationPolicy(), d.resources(), tags,
        d.scaling()), s.overrides());
  }

  /**
   * A resource of a spec, in application fnord.
   *
   * @param spec the spec
   * @return the resource
   */
  public static Resource<TitusClusterSpec> resource(TitusClusterSpec spec) {
    return new Resource<>(TitusKinds.CLUSTER.kind(), Map.of(Resource.APPLICATION, "fnord", Resource.SERVICE_ACCOUNT,
        "me@example.com"), spec);
  }
}
