package dev.keel.titus.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.spec.ContainerSpec;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import dev.keel.titus.sim.SimulatedTitus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TitusResolversTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);
  private final SimulatedTitus cloud = SimulatedTitus.withDefaults(CLOCK);

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

  private static Resource<TitusClusterSpec> cluster(ContainerSpec container, String version,
      Map<String, String> attributes, Map<String, TitusServerGroupSpec> overrides) {
    var locations = new Locations("test", null, null, Set.of(new RegionSpec("us-east-1", Set.of()),
        new RegionSpec("us-west-2", Set.of())));
    return new Resource<>(TitusKinds.CLUSTER.kind(), new TitusClusterSpec(new Moniker("fnord", null, null),
        container, version, null, null, null, locations, null, null, null, null, null, null, attributes, null, null, null,
        null, null, overrides));
  }

  @Test
  void theApprovedTagResolvesToItsDigestAndRecordsEveryTagOfThatDigest() {
    cloud.push("testregistry", new DockerImage("fnord", "master-h5.abc", "sha256:c3", CLOCK.instant()));
    cloud.push("testregistry", new DockerImage("fnord", "release-h5.abc", "sha256:c3", CLOCK.instant()));
    cloud.push("testregistry", new DockerImage("fnord", "latest", "sha256:c3", CLOCK.instant()));

    var spec = new TitusImageResolver(cloud).resolve(cluster(ContainerSpec.ofReference("fnord"), "master-h5.abc",
        null, Map.of()), context()).spec();

    assertThat(spec.image().digest()).isEqualTo("sha256:c3");
    assertThat(spec.image().tags()).containsExactly("master-h5.abc", "release-h5.abc");
    assertThat(spec.artifactVersion()).isEqualTo("master-h5.abc");
  }

  @Test
  void aTagNotPushedYetIsCurrentlyUnresolvable() {
    assertThatThrownBy(() -> new TitusImageResolver(cloud).resolve(cluster(ContainerSpec.ofReference("fnord"),
        "master-h6.def", null, Map.of()), context())).isInstanceOf(ResourceCurrentlyUnresolvable.class)
        .hasMessageContaining("fnord:master-h6.def").hasMessageContaining("testregistry");
  }

  @Test
  void aVersionNobodyApprovedIsCurrentlyUnresolvable() {
    assertThatThrownBy(() -> new TitusImageResolver(cloud).resolve(cluster(ContainerSpec.ofReference("fnord"),
        null, null, Map.of()), context())).isInstanceOf(ResourceCurrentlyUnresolvable.class)
        .hasMessageContaining("approved");
  }

  @Test
  void containerAttributesAddTheAwsAccountIpv6InTestAndPerRegionSubnetsKeepingTheSpecs() {
    var r = cluster(ContainerSpec.ofDigest("illuminati", "fnord", "sha256:1"), null,
        Map.of("titusParameter.agent.accountId", "999"), Map.of());

    var spec = new ContainerAttributesResolver(cloud, Map.of("test-us-west-2", "subnet-9")).resolve(r, context())
        .spec();

    assertThat(spec.containerAttributes()).containsEntry("titusParameter.agent.accountId", "999")
        .containsEntry("titusParameter.agent.assignIPv6Address", "true");
    assertThat(spec.overrides()).containsOnlyKeys("us-west-2");
    assertThat(spec.overrides().get("us-west-2").containerAttributes())
        .containsEntry("titusParameter.agent.subnets", "subnet-9");
  }

  @Test
  void theEnvironmentGetsTheSpinnakerAccountUnlessTheSpecSetsIt() {
    var r = cluster(ContainerSpec.ofDigest("illuminati", "fnord", "sha256:1"), null, null, Map.of());

    var spec = new EnvironmentVariablesResolver().resolve(r, context()).spec();

    assertThat(spec.env()).containsEntry("SPINNAKER_ACCOUNT", "test");
  }
}
