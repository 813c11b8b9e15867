package dev.keel.ec2.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolversTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
  private final SimulatedEc2 cloud = SimulatedEc2.withDefaults(CLOCK);

  private static ResourceContext context() {
    return new ResourceContext() {
      public String application() {
        return "fnord";
      }

      public String deliveryConfig() {
        return "fnord-manifest";
      }

      public String environment() {
        return "test";
      }

      public Instant deadline() {
        return CLOCK.instant().plusSeconds(30);
      }

      public Clock clock() {
        return CLOCK;
      }

      public ArtifactView artifacts() {
        return ArtifactView.empty();
      }
    };
  }

  private static Resource<Ec2ClusterSpec> cluster(LaunchConfigurationSpec defaults, Map<String, ServerGroupSpec> overrides,
      String reference) {
    var regions = Set.of(new RegionSpec("us-east-1"), new RegionSpec("us-west-2", Set.of("us-west-2a")));
    return new Resource<>(Ec2Kinds.CLUSTER.kind(), new Ec2ClusterSpec(new Moniker("fnord"), reference, null, null, null,
        new Locations("test", null, null, regions), defaults, null, null, null, null, null, overrides));
  }

  @Test
  void aTemplatedDefaultKeyPairIsWrittenPerRegionButNeverShadowsTheClustersOwn() {
    var lc = new LaunchConfigurationSpec(null, "m5.large", null, null, null, null, null, null);
    var resolved = new KeyPairResolver(cloud).resolve(cluster(lc, Map.of(), null), context()).spec();
    assertThat(resolved.overrides().get("us-west-2").launchConfiguration().keyPair()).isEqualTo("nf-keypair-us-west-2");

    var own = new LaunchConfigurationSpec(null, "m5.large", null, null, "mine", null, null, null);
    assertThat(new KeyPairResolver(cloud).resolve(cluster(own, Map.of(), null), context()).spec().overrides()).isEmpty();
  }

  @Test
  void theNetworkResolverFillsSubnetPurposeAndAllZonesOfRegionsWithoutZones() {
    var lc = new LaunchConfigurationSpec(null, "m5.large", null, null, null, null, null, null);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Resource<Ec2ClusterSpec> resolved = (Resource) new NetworkResolver(cloud).resolve((Resource) cluster(lc, Map.of(), null),
        context());
    Locations l = resolved.spec().locations();
    assertThat(l.subnet()).isEqualTo("internal (vpc0)");
    assertThat(l.regions()).extracting(RegionSpec::availabilityZones).containsExactly(
        Set.of("us-east-1a", "us-east-1b", "us-east-1c"), Set.of("us-west-2a"));
  }

  @Test
  void theImageResolverIsUnresolvableWithoutAnApprovedVersionAndKeepsAnOverridesImage() {
    var lc = new LaunchConfigurationSpec(null, "m5.large", null, null, null, null, null, null);
    assertThatThrownBy(() -> new ImageResolver(cloud, "test").resolve(cluster(lc, Map.of(), "fnord"), context()))
        .isInstanceOf(ResourceCurrentlyUnresolvable.class).hasMessageContaining("No version of artifact fnord");

    var pinned = ServerGroupSpec.EMPTY.withLaunchConfiguration(LaunchConfigurationSpec.EMPTY.withImage(
        new VirtualMachineImage("ami-pinned", null, null)));
    var spec = cluster(lc, Map.of("us-east-1", pinned, "us-west-2", pinned), "fnord").spec().withArtifactVersion("1.0");
    var resolved = new ImageResolver(cloud, "test").resolve(new Resource<>(Ec2Kinds.CLUSTER.kind(), spec), context());
    assertThat(resolved.spec().overrides().get("us-east-1").launchConfiguration().image().id()).isEqualTo("ami-pinned");
  }
}
