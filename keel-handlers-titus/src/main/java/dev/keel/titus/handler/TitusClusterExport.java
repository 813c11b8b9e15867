package dev.keel.titus.handler;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.ContainerSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Describes an existing Titus cluster as a spec, leaving Keel's defaults out: the largest active job is the
 * cluster-wide base, other regions get overrides for what differs. Environment, container attributes and
 * tags, which overrides merge into the cluster's, are split so that merging gives each region's back: the
 * entries every region shares are cluster-wide, the rest go to each region's override. The container is exported pinned to the
 * running digest; the deploy strategy is exported as the default (red-black).
 */
final class TitusClusterExport {

  private static final Set<String> REGION_ENV = Set.of("EC2_REGION", "NETFLIX_REGION", "NETFLIX_HOME_REGION");

  private TitusClusterExport() {}

  static TitusClusterSpec export(TitusCloud cloud, Exportable e) {
    Map<String, TitusServerGroup> active = new TreeMap<>();
    // With no regions named (as keel export ... --account test asks), every region of the account.
    Set<String> searched = new java.util.TreeSet<>(e.regions().isEmpty() ? cloud.regions(e.account()) : e.regions());
    for (String region : searched) {
      cloud.serverGroups(e.account(), region, e.moniker().toName()).stream().filter(TitusServerGroupState::enabled)
          .reduce((a, b) -> b).ifPresent(j -> active.put(region, j.model()));
    }
    if (active.isEmpty()) {
      String where = !e.regions().isEmpty() ? e.account() + " " + searched
          : searched.isEmpty() ? "account " + e.account() + ", which has no regions (is the account known?)"
          : "any region of " + e.account() + " " + searched;
      throw new NoSuchElementException("No active Titus job of cluster " + e.moniker().toName() + " in " + where
          + ": check the account, the regions and the cluster name");
    }
    TitusServerGroup base = active.values().stream().max(Comparator.comparing(
        (TitusServerGroup g) -> g.capacity().desired() == null ? g.capacity().max() : g.capacity().desired())).get();
    Shared shared = new Shared(common(active, g -> withoutRegion(g.env())),
        common(active, TitusServerGroup::containerAttributes), common(active, TitusServerGroup::tags));
    TitusServerGroupSpec defaults = spec(base, null, e.moniker().app(), shared);
    Map<String, TitusServerGroupSpec> overrides = new TreeMap<>();
    for (var entry : active.entrySet()) {
      TitusServerGroup g = entry.getValue();
      TitusServerGroupSpec o = g != base ? spec(g, base, e.moniker().app(), shared)
          : new TitusServerGroupSpec(null, null, null, null, null, rest(withoutRegion(g.env()), shared.env()),
              rest(g.containerAttributes(), shared.attributes()), null, null, null, rest(g.tags(), shared.tags()),
              null);
      if (!o.equals(TitusServerGroupSpec.EMPTY)) {
        overrides.put(entry.getKey(), o);
      }
    }
    Set<RegionSpec> regions = new LinkedHashSet<>();
    active.keySet().forEach(r -> regions.add(new RegionSpec(r, Set.of())));
    return new TitusClusterSpec(e.moniker(), ContainerSpec.ofDigest(base.container().repository().split("/", 2)[0],
        base.container().repository().split("/", 2)[1], base.container().digest()), null, null, null, null,
        new Locations(e.account(), null, null, regions), null, null, null, null, null, null, null, null, null, null,
        null, null, overrides.isEmpty() ? null : overrides).with(defaults, overrides);
  }

  /** What every region's merged maps share. */
  private record Shared(Map<String, String> env, Map<String, String> attributes, Map<String, String> tags) {}

  private static Map<String, String> withoutRegion(Map<String, String> env) {
    Map<String, String> out = new TreeMap<>(env);
    out.keySet().removeAll(REGION_ENV);
    return out;
  }

  private static Map<String, String> common(Map<String, TitusServerGroup> active,
      java.util.function.Function<TitusServerGroup, Map<String, String>> map) {
    Map<String, String> out = null;
    for (TitusServerGroup g : active.values()) {
      if (out == null) {
        out = new TreeMap<>(map.apply(g));
      } else {
        Map<String, String> m = map.apply(g);
        out.entrySet().removeIf(en -> !en.getValue().equals(m.get(en.getKey())));
      }
    }
    return out == null ? Map.of() : out;
  }

  @Nullable
  private static Map<String, String> rest(Map<String, String> all, Map<String, String> shared) {
    Map<String, String> out = new TreeMap<>(all);
    out.keySet().removeAll(shared.keySet());
    return out.isEmpty() ? null : out;
  }

  @Nullable
  private static Map<String, String> orNull(Map<String, String> m) {
    return m.isEmpty() ? null : m;
  }

  /**
   * The spec of a job: with no base, the cluster-wide part (Keel's defaults and the shared map entries left
   * out); with a base, what differs from it (and the job's own map entries).
   */
  private static TitusServerGroupSpec spec(TitusServerGroup g, @Nullable TitusServerGroup base, String app,
      Shared shared) {
    Capacity c = g.capacity();
    CapacitySpec capacity = new CapacitySpec(c.min(), c.max(), c.desired());
    Map<String, String> env = rest(withoutRegion(g.env()), shared.env());
    Map<String, String> attributes = rest(g.containerAttributes(), shared.attributes());
    Map<String, String> tags = rest(g.tags(), shared.tags());
    if (base == null) {
      return new TitusServerGroupSpec(
          capacity.equals(new CapacitySpec(1, 1, 1)) ? null : capacity,
          g.capacityGroup().equals(app) ? null : g.capacityGroup(),
          g.constraints().equals(ConstraintsSpec.DEFAULT) ? null : g.constraints(),
          g.dependencies().equals(ClusterDependencies.NONE) ? null : g.dependencies(),
          g.entryPoint().isEmpty() ? null : g.entryPoint(), orNull(shared.env()), orNull(shared.attributes()), null,
          g.migrationPolicy().equals(MigrationPolicySpec.DEFAULT) ? null : g.migrationPolicy(),
          g.resources().equals(ResourcesSpec.DEFAULT) ? null : g.resources(), orNull(shared.tags()),
          g.scaling().hasPolicies() ? g.scaling() : null);
    }
    return new TitusServerGroupSpec(
        g.capacity().equals(base.capacity()) ? null : capacity,
        differ(g.capacityGroup(), base.capacityGroup()), differ(g.constraints(), base.constraints()), null,
        differ(g.entryPoint(), base.entryPoint()), env, attributes, null,
        differ(g.migrationPolicy(), base.migrationPolicy()), differ(g.resources(), base.resources()), tags,
        g.scaling().equals(base.scaling()) ? null : g.scaling());
  }

  @Nullable
  private static <T> T differ(T value, T base) {
    return Objects.equals(value, base) ? null : value;
  }
}
