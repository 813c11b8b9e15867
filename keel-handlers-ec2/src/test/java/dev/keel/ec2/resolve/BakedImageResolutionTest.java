package dev.keel.ec2.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.bake.Bakery;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.VirtualMachineOptions;
import dev.keel.testkit.VirtualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The image resolver for a baked artifact whose {@code vmOptions} it reads from the artifact view (the
 * bakery was never told of the artifact, as after a restart): newest AMI on the current base image, a
 * re-bake requested when the base image changed, the old AMI kept meanwhile.
 */
class BakedImageResolutionTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
  private final Bakery bakery = new Bakery(cloud, "test", 3, e -> { });
  private final ImageResolver resolver = new ImageResolver(cloud, "test", bakery);
  private final DebianArtifact fnord = new DebianArtifact("fnord", "fnord", new VirtualMachineOptions("bionic", null,
      Set.of("us-east-1", "us-west-2"), null, false), Set.of(), null);

  @AfterEach
  void close() {
    scheduler.close();
  }

  private ResourceContext context() {
    Clock clock = scheduler.clock();
    ArtifactView view = new ArtifactView() {
      @Override
      public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
        return Optional.of("fnord-1.0.0");
      }

      @Override
      public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
        return Optional.empty();
      }

      @Override
      public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
        return List.of();
      }

      @Override
      public Optional<DeliveryArtifact> artifact(String deliveryConfig, String artifactReference) {
        return Optional.of(fnord);
      }
    };
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
        return clock.instant().plusSeconds(30);
      }

      public Clock clock() {
        return clock;
      }

      public ArtifactView artifacts() {
        return view;
      }
    };
  }

  private static Resource<Ec2ClusterSpec> cluster() {
    var regions = Set.of(new RegionSpec("us-east-1"), new RegionSpec("us-west-2"));
    var lc = new LaunchConfigurationSpec(null, "m5.large", null, null, null, null, null, null);
    return new Resource<>(Ec2Kinds.CLUSTER.kind(), new Ec2ClusterSpec(new Moniker("fnord"), "fnord", null, null, null,
        new Locations("test", null, null, regions), lc, null, null, null, null, null, Map.of()));
  }

  private String amiIn(String region) {
    return resolver.resolve(cluster(), context()).spec().overrides().get(region).launchConfiguration().image().id();
  }

  private List<Ec2Operation.Bake> bakes() {
    return cloud.submitted().stream().map(TaskRequest::operations).flatMap(List::stream)
        .filter(Ec2Operation.Bake.class::isInstance).map(Ec2Operation.Bake.class::cast).toList();
  }

  @Test
  void aVersionWithoutAnyAmiIsBakedAndUnresolvableUntilTheBakeFinishes() {
    assertThatThrownBy(() -> resolver.resolve(cluster(), context())).isInstanceOf(ResourceCurrentlyUnresolvable.class)
        .hasMessageContaining("fnord-1.0.0");
    assertThat(bakes()).singleElement().satisfies(b -> assertThat(b.regions()).containsExactly("us-east-1", "us-west-2"));

    scheduler.advance(Duration.ofMinutes(11));

    assertThat(amiIn("us-east-1")).isEqualTo(cloud.findImages("fnord-1.0.0", "test").get(0).amis().get("us-east-1"));
    assertThat(bakes()).hasSize(1);
  }

  @Test
  void aNewBaseImageKeepsTheOldAmiUntilTheReBakeFinishesThenPicksTheNewOne() {
    cloud.catalog().image(new Catalog.Image("old", "fnord-1.0.0", "bionicbase-release-1",
        Map.of("us-east-1", "ami-old-e", "us-west-2", "ami-old-w"), scheduler.clock().instant()));
    assertThat(amiIn("us-east-1")).isEqualTo("ami-old-e");
    assertThat(bakes()).isEmpty();

    cloud.catalog().baseImage(new Catalog.BaseImage("bionicbase-release-2", "bionic", "release",
        scheduler.clock().instant()));
    assertThat(amiIn("us-east-1")).isEqualTo("ami-old-e");
    assertThat(bakes()).hasSize(1);
    scheduler.advance(Duration.ofMinutes(11));

    assertThat(amiIn("us-east-1")).isNotEqualTo("ami-old-e")
        .isEqualTo(cloud.findImages("fnord-1.0.0", "test").get(0).amis().get("us-east-1"));
    assertThat(cloud.findImages("fnord-1.0.0", "test").get(0).baseImageName()).isEqualTo("bionicbase-release-2");
  }
}
