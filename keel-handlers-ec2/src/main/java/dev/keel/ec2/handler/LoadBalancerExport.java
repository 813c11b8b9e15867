package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.LoadBalancerDependencies;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * Exports load balancers: the first region found is the base, other regions get overrides where their
 * security groups, listeners, health check or target groups differ; defaults (internal, 60s idle timeout,
 * the default VPC and subnet) are left out.
 */
final class LoadBalancerExport {

  private LoadBalancerExport() {}

  private static Locations locations(String account, Map<String, Location> found) {
    Location first = found.values().iterator().next();
    Set<RegionSpec> regions = new LinkedHashSet<>();
    found.forEach((region, l) -> regions.add(new RegionSpec(region, l.availabilityZones())));
    String vpc = "vpc0".equals(first.vpc()) ? null : first.vpc();
    String subnet = ("internal (" + first.vpc() + ")").equals(first.subnet()) ? null : first.subnet();
    return new Locations(account, vpc, subnet, regions);
  }

  @Nullable
  private static Boolean internal(boolean internal) {
    return internal ? null : false;
  }

  @Nullable
  private static Duration idle(Duration d) {
    return d.equals(Duration.ofSeconds(60)) ? null : d;
  }

  @Nullable
  private static <T> T differ(T value, T base) {
    return Objects.equals(value, base) ? null : value;
  }

  static ClassicLoadBalancerSpec classic(Exportable e, Map<String, ClassicLoadBalancer> found, Set<String> searched) {
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No load balancer " + e.moniker().toName() + " in "
          + ExportRegions.where(e, searched) + ": nothing to export");
    }
    ClassicLoadBalancer base = found.values().iterator().next();
    Map<String, ClassicLoadBalancerSpec.RegionOverride> overrides = new TreeMap<>();
    Map<String, Location> locations = new TreeMap<>();
    found.forEach((region, lb) -> {
      locations.put(region, lb.location());
      var deps = differ(lb.securityGroupNames(), base.securityGroupNames());
      var listeners = differ(lb.listeners(), base.listeners());
      var health = differ(lb.healthCheck(), base.healthCheck());
      if (deps != null || listeners != null || health != null) {
        overrides.put(region, new ClassicLoadBalancerSpec.RegionOverride(
            deps == null ? null : new LoadBalancerDependencies(deps), listeners, health));
      }
    });
    return new ClassicLoadBalancerSpec(e.moniker(), locations(e.account(), locations), internal(base.internal()),
        new LoadBalancerDependencies(base.securityGroupNames()), idle(base.idleTimeout()), base.listeners(),
        base.healthCheck(), overrides);
  }

  static ApplicationLoadBalancerSpec application(Exportable e, Map<String, ApplicationLoadBalancer> found,
      Set<String> searched) {
    if (found.isEmpty()) {
      throw new IllegalArgumentException("No load balancer " + e.moniker().toName() + " in "
          + ExportRegions.where(e, searched) + ": nothing to export");
    }
    ApplicationLoadBalancer base = found.values().iterator().next();
    Map<String, ApplicationLoadBalancerSpec.RegionOverride> overrides = new TreeMap<>();
    Map<String, Location> locations = new TreeMap<>();
    found.forEach((region, lb) -> {
      locations.put(region, lb.location());
      var deps = differ(lb.securityGroupNames(), base.securityGroupNames());
      var listeners = differ(lb.listeners(), base.listeners());
      var groups = differ(lb.targetGroups(), base.targetGroups());
      if (deps != null || listeners != null || groups != null) {
        overrides.put(region, new ApplicationLoadBalancerSpec.RegionOverride(
            deps == null ? null : new LoadBalancerDependencies(deps), listeners, groups));
      }
    });
    return new ApplicationLoadBalancerSpec(e.moniker(), locations(e.account(), locations), internal(base.internal()),
        new LoadBalancerDependencies(base.securityGroupNames()), idle(base.idleTimeout()), base.listeners(),
        base.targetGroups(), overrides);
  }
}
