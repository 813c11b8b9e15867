package dev.keel.ec2.handler;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.HealthSpec;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ScalingSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.spi.CannotResolveDesiredState;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Resolves a cluster spec into one desired server group per region: per field the region's override, then
 * the cluster's value, then the built-in default; dependencies and scaling sets are unions, tags merge.
 */
public final class Ec2ClusterDesiredState {

  private Ec2ClusterDesiredState() {}

  /**
   * The desired server groups.
   *
   * @param spec the resolved spec
   * @return the server group per region
   * @throws CannotResolveDesiredState naming the missing field and region
   */
  public static Map<String, Ec2ServerGroup> resolve(Ec2ClusterSpec spec) {
    Locations locations = spec.locations();
    if (locations == null) {
      throw new CannotResolveDesiredState("Cluster " + spec.id() + " has no locations");
    }
    String vpc = locations.effectiveVpc();
    String subnet = locations.subnet() == null ? "internal (" + vpc + ")" : locations.subnet();
    ServerGroupSpec defaults = spec.defaults();
    Map<String, Ec2ServerGroup> out = new TreeMap<>();
    for (RegionSpec region : locations.regions()) {
      ServerGroupSpec o = spec.overrides().getOrDefault(region.name(), ServerGroupSpec.EMPTY);
      out.put(region.name(), serverGroup(spec, region, vpc, subnet, defaults, o));
    }
    return out;
  }

  /**
   * The desired server groups on a cloud: as {@link #resolve(Ec2ClusterSpec)}, without the security groups the
   * cloud attaches to every deploy ({@link Ec2Cloud#implicitSecurityGroups}, Orca's default groups over
   * Spinnaker), which Keel leaves out of a deploy and does not compare, named in the spec or not.
   *
   * @param spec the resolved spec
   * @param cloud the cloud
   * @return the server group per region
   * @throws CannotResolveDesiredState naming the missing field and region
   */
  public static Map<String, Ec2ServerGroup> resolve(Ec2ClusterSpec spec, Ec2Cloud cloud) {
    Map<String, Ec2ServerGroup> out = new TreeMap<>();
    resolve(spec).forEach((region, g) -> {
      Set<String> implicit = cloud.implicitSecurityGroups(g.location().account(), region, g.location().vpc());
      out.put(region, implicit.isEmpty() ? g : g.withDependencies(g.dependencies().withoutSecurityGroups(implicit)));
    });
    return out;
  }

  private static Ec2ServerGroup serverGroup(Ec2ClusterSpec spec, RegionSpec region, String vpc, String subnet,
      ServerGroupSpec d, ServerGroupSpec o) {
    String r = region.name();
    LaunchConfigurationSpec dl = d.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY : d.launchConfiguration();
    LaunchConfigurationSpec ol = o.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY : o.launchConfiguration();
    VirtualMachineImage image = pick(ol, dl, LaunchConfigurationSpec::image, null);
    if (image == null) {
      throw new CannotResolveDesiredState("No image resolved / specified for " + r + ": give the cluster an"
          + " artifactReference (the image resolver then finds the AMI) or launchConfiguration.image.id");
    }
    String instanceType = pick(ol, dl, LaunchConfigurationSpec::instanceType, null);
    if (instanceType == null) {
      throw new CannotResolveDesiredState("No instanceType for " + r + ": set launchConfiguration.instanceType");
    }
    String keyPair = pick(ol, dl, LaunchConfigurationSpec::keyPair, null);
    if (keyPair == null) {
      throw new CannotResolveDesiredState("No keyPair for " + r + ": set launchConfiguration.keyPair or give the"
          + " account a default key pair");
    }
    String imds = pick(ol, dl, LaunchConfigurationSpec::instanceMetadataServiceVersion, "V1");
    LaunchConfiguration lc = new LaunchConfiguration(image.id(), image.appVersion(), image.baseImageName(), instanceType,
        pick(ol, dl, LaunchConfigurationSpec::ebsOptimized, false),
        pick(ol, dl, LaunchConfigurationSpec::iamRole, spec.moniker().app() + "InstanceProfile"), keyPair,
        pick(ol, dl, LaunchConfigurationSpec::instanceMonitoring, false),
        pick(ol, dl, LaunchConfigurationSpec::ramdiskId, null), "V2".equals(imds));

    ScalingSpec scaling = (d.scaling() == null ? ScalingSpec.NONE : d.scaling()).plus(o.scaling());
    CapacitySpec cs = o.capacity() != null ? o.capacity() : d.capacity();
    Capacity capacity;
    if (cs == null) {
      capacity = scaling.hasPolicies() ? new Capacity(1, 1, null) : new Capacity(1, 1, 1);
    } else if (scaling.hasPolicies()) {
      capacity = new Capacity(cs.min(), cs.max(), null);
    } else {
      if (cs.desired() == null) {
        throw new CannotResolveDesiredState("capacity.desired is required in " + r + " when there are no scaling"
            + " policies");
      }
      capacity = new Capacity(cs.min(), cs.max(), cs.desired());
    }
    HealthSpec dh = d.health() == null ? new HealthSpec(null, null, null, null, null) : d.health();
    HealthSpec oh = o.health() == null ? new HealthSpec(null, null, null, null, null) : o.health();
    Health h = Health.DEFAULT;
    Health health = new Health(pick(oh, dh, HealthSpec::cooldown, h.cooldown()), pick(oh, dh, HealthSpec::warmup, h.warmup()),
        pick(oh, dh, HealthSpec::healthCheckType, h.healthCheckType()),
        pick(oh, dh, HealthSpec::enabledMetrics, h.enabledMetrics()),
        pick(oh, dh, HealthSpec::terminationPolicies, h.terminationPolicies()));
    ClusterDependencies deps = (d.dependencies() == null ? ClusterDependencies.NONE : d.dependencies())
        .plus(o.dependencies());
    Map<String, String> tags = new LinkedHashMap<>();
    if (d.tags() != null) {
      tags.putAll(d.tags());
    }
    if (o.tags() != null) {
      tags.putAll(o.tags());
    }
    Location location = new Location(spec.locations().account(), r, vpc, subnet, region.availabilityZones());
    return new Ec2ServerGroup(spec.moniker().toName(), location, lc, capacity, deps, health, scaling.suspendedProcesses(),
        new Scaling(scaling.targetTrackingPolicies(), scaling.stepScalingPolicies()), tags, true,
        spec.artifactVersion() != null ? spec.artifactVersion() : image.appVersion());
  }

  private static <S, T> T pick(S override, S defaults, Function<S, T> field, @Nullable T fallback) {
    T v = field.apply(override);
    if (v != null) {
      return v;
    }
    v = field.apply(defaults);
    return v != null ? v : fallback;
  }
}
