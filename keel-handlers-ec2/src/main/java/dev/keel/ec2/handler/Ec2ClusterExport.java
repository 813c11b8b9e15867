package dev.keel.ec2.handler;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.HealthSpec;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ScalingSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Exports a running cluster as an {@code ec2/cluster@v1.1} spec: the largest active server group gives the
 * cluster-wide settings, other regions get overrides only where they differ, and defaults are left out
 * (capacity 1/1/1, default health, {@code <app>InstanceProfile}, the account's default key pair, false flags,
 * the default VPC and subnet, zones that are all the subnet's zones).
 */
final class Ec2ClusterExport {

  private Ec2ClusterExport() {}

  static Ec2ClusterSpec export(Ec2Cloud cloud, Exportable e) {
    Map<String, Ec2ServerGroupState> active = new TreeMap<>();
    Set<String> searched = ExportRegions.of(cloud, e);
    for (String region : searched) {
      cloud.serverGroups(e.account(), region, e.moniker().toName()).stream().filter(Ec2ServerGroupState::enabled)
          .reduce((a, b) -> b).ifPresent(g -> active.put(region, g));
    }
    if (active.isEmpty()) {
      throw new IllegalArgumentException("No active server group of cluster " + e.moniker().toName() + " in "
          + ExportRegions.where(e, searched) + ": nothing to export");
    }
    Ec2ServerGroupState base = active.values().stream()
        .max(Comparator.comparingInt(Ec2ServerGroupState::desiredInstances)).orElseThrow();
    String app = e.moniker().app();
    String defaultKeyPair = cloud.account(e.account()).map(Catalog.Account::defaultKeyPair).orElse(null);
    ServerGroupSpec defaults = spec(base.model(), app, defaultKeyPair);
    Map<String, ServerGroupSpec> overrides = new TreeMap<>();
    Set<RegionSpec> regions = new LinkedHashSet<>();
    for (var entry : active.entrySet()) {
      Ec2ServerGroup m = entry.getValue().model();
      Set<String> allZones = new java.util.TreeSet<>();
      cloud.subnets(e.account(), entry.getKey()).stream()
          .filter(s -> s.purpose().equals(m.location().subnet())).forEach(s -> allZones.add(s.availabilityZone()));
      regions.add(new RegionSpec(entry.getKey(),
          allZones.equals(m.location().availabilityZones()) ? Set.of() : m.location().availabilityZones()));
      ServerGroupSpec s = spec(m, app, defaultKeyPair);
      if (!s.equals(defaults)) {
        overrides.put(entry.getKey(), new ServerGroupSpec(
            differ(s.launchConfiguration(), defaults.launchConfiguration()), differ(s.capacity(), defaults.capacity()),
            null, differ(s.health(), defaults.health()), null, differ(s.tags(), defaults.tags())));
      }
    }
    Ec2ServerGroup bm = base.model();
    String vpc = "vpc0".equals(bm.location().vpc()) ? null : bm.location().vpc();
    String subnet = ("internal (" + bm.location().vpc() + ")").equals(bm.location().subnet()) ? null : bm.location().subnet();
    Locations locations = new Locations(e.account(), vpc, subnet, regions);
    String reference = bm.artifactVersion() == null ? null : packageName(bm.artifactVersion());
    return new Ec2ClusterSpec(e.moniker(), reference, null, null, null, locations,
        reference == null ? defaults.launchConfiguration() : withoutImage(defaults.launchConfiguration()),
        defaults.capacity(), defaults.dependencies(), defaults.health(), defaults.scaling(), defaults.tags(), overrides);
  }

  @Nullable
  private static <T> T differ(@Nullable T value, @Nullable T base) {
    return Objects.equals(value, base) ? null : value;
  }

  @Nullable
  private static LaunchConfigurationSpec withoutImage(@Nullable LaunchConfigurationSpec lc) {
    return lc == null ? null : new LaunchConfigurationSpec(null, lc.instanceType(), lc.ebsOptimized(), lc.iamRole(),
        lc.keyPair(), lc.instanceMonitoring(), lc.ramdiskId(), lc.instanceMetadataServiceVersion());
  }

  private static String packageName(String appVersion) {
    int dash = appVersion.indexOf('-');
    return dash < 0 ? appVersion : appVersion.substring(0, dash);
  }

  private static ServerGroupSpec spec(Ec2ServerGroup m, String app, @Nullable String defaultKeyPair) {
    LaunchConfiguration lc = m.launchConfiguration();
    String accountKey = defaultKeyPair == null ? null : defaultKeyPair.replace("{{region}}", m.location().region());
    LaunchConfigurationSpec lcs = new LaunchConfigurationSpec(
        new dev.keel.ec2.api.spec.VirtualMachineImage(lc.imageId(), lc.appVersion(), lc.baseImageName()), lc.instanceType(),
        lc.ebsOptimized() ? true : null, lc.iamRole().equals(app + "InstanceProfile") ? null : lc.iamRole(),
        lc.keyPair().equals(accountKey) ? null : lc.keyPair(), lc.instanceMonitoring() ? true : null, lc.ramdiskId(),
        lc.requireIMDSv2() ? "V2" : null);
    Capacity c = m.capacity();
    CapacitySpec capacity = c.min() == 1 && c.max() == 1 && (c.desired() == null || c.desired() == 1) ? null
        : new CapacitySpec(c.min(), c.max(), m.scaling().hasPolicies() ? null : c.desired());
    Health h = m.health();
    HealthSpec health = h.equals(Health.DEFAULT) ? null : new HealthSpec(
        differ(h.cooldown(), Health.DEFAULT.cooldown()), differ(h.warmup(), Health.DEFAULT.warmup()),
        differ(h.healthCheckType(), Health.DEFAULT.healthCheckType()),
        differ(h.enabledMetrics(), Health.DEFAULT.enabledMetrics()),
        differ(h.terminationPolicies(), Health.DEFAULT.terminationPolicies()));
    ClusterDependencies deps = m.dependencies().equals(ClusterDependencies.NONE) ? null : m.dependencies();
    ScalingSpec scaling = m.suspendedProcesses().isEmpty() && !m.scaling().hasPolicies() ? null
        : new ScalingSpec(m.suspendedProcesses(), m.scaling().targetTrackingPolicies(), m.scaling().stepScalingPolicies());
    return new ServerGroupSpec(lcs, capacity, deps, health, scaling, m.tags().isEmpty() ? null : m.tags());
  }
}
