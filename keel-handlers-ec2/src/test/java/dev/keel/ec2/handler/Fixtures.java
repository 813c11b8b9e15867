package dev.keel.ec2.handler;

import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ScalingSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Cluster specs for the handler tests. */
final class Fixtures {

  private Fixtures() {}

  static Locations locations(String... regions) {
    Set<RegionSpec> set = new java.util.LinkedHashSet<>();
    for (String r : regions) {
      set.add(new RegionSpec(r));
    }
    return new Locations("test", null, null, set);
  }

  static LaunchConfigurationSpec launch(String ami, String version) {
    return new LaunchConfigurationSpec(new VirtualMachineImage(ami, version, "bionicbase"), "m5.large", true, null,
        "fnord-keypair", null, null, null);
  }

  static Ec2ClusterSpec cluster(DeployWith deployWith, CapacitySpec capacity, String... regions) {
    return new Ec2ClusterSpec(new Moniker("fnord", "main", null), null, null, deployWith, null, locations(regions),
        launch("ami-001", "fnord-1.0.0"), capacity, ClusterDependencies.NONE, null, null, null, Map.of());
  }

  static Ec2ClusterSpec cluster(String... regions) {
    return cluster(DeployWith.redBlack(), new CapacitySpec(2, 2, 2), regions);
  }

  static Ec2ClusterSpec withImage(Ec2ClusterSpec s, String ami, String version) {
    return s.with(s.defaults().withLaunchConfiguration(launch(ami, version)), s.overrides());
  }

  static Ec2ClusterSpec withCapacity(Ec2ClusterSpec s, CapacitySpec c) {
    ServerGroupSpec d = s.defaults();
    return s.with(new ServerGroupSpec(d.launchConfiguration(), c, d.dependencies(), d.health(), d.scaling(), d.tags()),
        s.overrides());
  }

  static Ec2ClusterSpec withScaling(Ec2ClusterSpec s, ScalingSpec scaling, CapacitySpec c) {
    ServerGroupSpec d = s.defaults();
    return s.with(new ServerGroupSpec(d.launchConfiguration(), c, d.dependencies(), d.health(), scaling, d.tags()),
        s.overrides());
  }

  static Ec2ClusterSpec withOverride(Ec2ClusterSpec s, String region, ServerGroupSpec o) {
    var overrides = new java.util.TreeMap<>(s.overrides());
    overrides.put(region, o);
    return s.with(s.defaults(), overrides);
  }

  static Resource<Ec2ClusterSpec> resource(Ec2ClusterSpec spec) {
    return new Resource<>(Ec2Kinds.CLUSTER.kind(), Map.of(Resource.APPLICATION, "fnord", Resource.SERVICE_ACCOUNT,
        "me@example.com"), spec);
  }

  static Set<String> sorted(Set<String> s) {
    return new TreeSet<>(s);
  }
}
