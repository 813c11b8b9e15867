package dev.keel.titus.handler;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.model.Location;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * A resolved Titus cluster spec as one desired job per region, following Keel's resolution: override, then
 * cluster-wide value, then Keel's default, per field; environment, container attributes and tags merged;
 * dependencies added; scaling replaced. The region's {@code EC2_REGION}, {@code NETFLIX_REGION} and
 * {@code NETFLIX_HOME_REGION} are set in the environment.
 */
public final class TitusClusterDesiredState {

  private TitusClusterDesiredState() {}

  /**
   * The desired job of every region.
   *
   * @param spec a resolved spec (its image found by the image resolver, or a fixed digest)
   * @return the jobs by region
   * @throws ResourceCurrentlyUnresolvable if the image is not resolved yet
   */
  public static Map<String, TitusServerGroup> resolve(TitusClusterSpec spec) {
    ContainerImage image = image(spec);
    // The tag approved (or asked for) is the version, even when several tags share its digest; Keel's
    // digest-prefix version is only used when no tag is known.
    String version = spec.artifactVersion() != null ? spec.artifactVersion()
        : spec.image() != null ? spec.image().version() : null;
    TitusServerGroupSpec d = spec.defaults();
    Map<String, TitusServerGroup> out = new TreeMap<>();
    for (String region : spec.locations().regionNames()) {
      TitusServerGroupSpec o = spec.overrides().getOrDefault(region, TitusServerGroupSpec.EMPTY);
      CapacitySpec cap = first(o.capacity(), d.capacity());
      ScalingSpec scaling = first(o.scaling(), d.scaling(), ScalingSpec.NONE);
      Capacity capacity;
      if (cap == null) {
        capacity = new Capacity(1, 1, scaling.hasPolicies() ? null : 1);
      } else {
        capacity = new Capacity(cap.min(), cap.max(), scaling.hasPolicies() ? null
            : cap.desired() != null ? cap.desired() : cap.min());
      }
      Map<String, String> env = new LinkedHashMap<>(d.env() == null ? Map.of() : d.env());
      env.put("EC2_REGION", region);
      env.put("NETFLIX_REGION", region);
      env.put("NETFLIX_HOME_REGION", region);
      env.putAll(o.env() == null ? Map.of() : o.env());
      ResourcesSpec resources = (o.resources() == null ? d.resources() == null ? ResourcesSpec.DEFAULT : d.resources()
          : o.resources().orElse(d.resources())).orElse(ResourcesSpec.DEFAULT);
      out.put(region, new TitusServerGroup(spec.moniker().toName(), null,
          new Location(spec.locations().account(), region), image, capacity,
          first(o.capacityGroup(), d.capacityGroup(), spec.moniker().app()),
          first(o.constraints(), d.constraints(), ConstraintsSpec.DEFAULT),
          (d.dependencies() == null ? ClusterDependencies.NONE : d.dependencies()).plus(o.dependencies()),
          first(o.entryPoint(), d.entryPoint(), ""), env, merge(d.containerAttributes(), o.containerAttributes()),
          first(o.migrationPolicy(), d.migrationPolicy(), MigrationPolicySpec.DEFAULT), resources,
          merge(d.tags(), o.tags()), scaling, true, version));
    }
    return out;
  }

  /**
   * The desired job of every region on a cloud: as {@link #resolve(TitusClusterSpec)}, without the security groups
   * the cloud attaches to every deploy ({@link TitusCloud#implicitSecurityGroups}: over Spinnaker, Orca's default
   * groups and the application's own), which Keel leaves out of a deploy and does not compare, named in the spec or
   * not.
   *
   * @param spec a resolved spec
   * @param cloud the cloud
   * @return the jobs by region
   * @throws ResourceCurrentlyUnresolvable if the image is not resolved yet
   */
  public static Map<String, TitusServerGroup> resolve(TitusClusterSpec spec, TitusCloud cloud) {
    Map<String, TitusServerGroup> out = new TreeMap<>();
    resolve(spec).forEach((region, g) -> {
      Set<String> implicit = cloud.implicitSecurityGroups(g.account(), region, spec.moniker().app());
      out.put(region, implicit.isEmpty() ? g : g.withDependencies(g.dependencies().withoutSecurityGroups(implicit)));
    });
    return out;
  }

  private static ContainerImage image(TitusClusterSpec spec) {
    if (spec.image() != null) {
      return new ContainerImage(spec.image().repository(), spec.image().digest());
    }
    if (spec.container().digest() != null) {
      return new ContainerImage(spec.container().repository(), spec.container().digest());
    }
    throw new ResourceCurrentlyUnresolvable("The container of " + spec.id() + " is not resolved to a digest yet"
        + " (is the titus-image resolver enabled, and is a version of the image approved and pushed?)");
  }

  @SafeVarargs
  @Nullable
  private static <T> T first(@Nullable T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Map<String, String> merge(@Nullable Map<String, String> a, @Nullable Map<String, String> b) {
    Map<String, String> out = new TreeMap<>(a == null ? Map.of() : a);
    out.putAll(b == null ? Map.of() : b);
    return out;
  }
}
