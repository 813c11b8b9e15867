package dev.keel.engine.config;

import dev.keel.spi.SpecMigrator;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import dev.keel.spi.model.SupportedKind;
import dev.keel.spi.model.Verification;
import java.util.List;
import java.util.Map;

/**
 * Test-only spec classes for the EC2 and Titus kinds Keel's examples use: they declare the properties
 * of the real specs (nested values kept loosely typed) so that unknown properties are still caught.
 * The real specs come with the EC2 and Titus plugins.
 */
final class TestKinds {

  private TestKinds() {}

  interface CloudSpec extends Monikered, Locatable {
    @Override
    default String id() {
      return locations().account() + ":" + moniker().toName();
    }
  }

  record ClusterV1(Moniker moniker, Locations locations, Map<String, Object> capacity, Map<String, Object> deployWith,
      Map<String, Object> dependencies, Map<String, Object> health, Map<String, Object> imageProvider,
      Map<String, Object> launchConfiguration, Map<String, Object> scaling) implements CloudSpec {}

  record ClusterV11(Moniker moniker, Locations locations, String artifactReference, String artifactVersion,
      Map<String, Object> capacity, Map<String, Object> deployWith, Map<String, Object> dependencies,
      Map<String, Object> health, Map<String, Object> launchConfiguration, Map<String, Object> scaling)
      implements CloudSpec, ArtifactReferencing {
    @Override
    public ClusterV11 withArtifactVersion(String version) {
      return new ClusterV11(moniker, locations, artifactReference, version, capacity, deployWith, dependencies, health,
          launchConfiguration, scaling);
    }
  }

  record SecurityGroup(Moniker moniker, Locations locations, String description, List<Map<String, Object>> inboundRules)
      implements CloudSpec {}

  record ClassicLoadBalancer(Moniker moniker, Locations locations, List<Map<String, Object>> listeners,
      Map<String, Object> healthCheck, Map<String, Object> dependencies, java.time.Duration idleTimeout)
      implements CloudSpec {}

  record ApplicationLoadBalancer(Moniker moniker, Locations locations, List<Map<String, Object>> listeners,
      Map<String, Object> dependencies, List<Map<String, Object>> targetGroups) implements CloudSpec {}

  record TitusCluster(Moniker moniker, Locations locations, Map<String, Object> capacity, Map<String, Object> container,
      Map<String, Object> resources, Map<String, Object> deployWith, String iamProfile,
      Map<String, Object> dependencies, Map<String, String> containerAttributes) implements CloudSpec {}

  record TestContainer(String image, Map<String, String> location) implements Verification {
    @Override
    public String type() {
      return "test-container";
    }

    @Override
    public String id() {
      return image + "@" + location;
    }
  }

  /** Keel's v1 cluster named its artifact through {@code imageProvider.reference}. */
  static final class ClusterMigrator implements SpecMigrator<ClusterV1, ClusterV11> {
    @Override
    public SupportedKind<ClusterV1> input() {
      return SupportedKind.of("ec2/cluster@v1", ClusterV1.class);
    }

    @Override
    public SupportedKind<ClusterV11> output() {
      return SupportedKind.of("ec2/cluster@v1.1", ClusterV11.class);
    }

    @Override
    public ClusterV11 migrate(ClusterV1 s) {
      String reference = s.imageProvider() == null ? null : (String) s.imageProvider().get("reference");
      return new ClusterV11(s.moniker(), s.locations(), reference, null, s.capacity(), s.deployWith(),
          s.dependencies(), s.health(), s.launchConfiguration(), s.scaling());
    }
  }

  static KindRegistry.Builder registryBuilder() {
    return KindRegistry.builder()
        .kind(SupportedKind.of("ec2/cluster@v1.1", ClusterV11.class), "test-ec2")
        .migrator(new ClusterMigrator(), "test-ec2")
        .kind(SupportedKind.of("ec2/security-group@v1", SecurityGroup.class), "test-ec2")
        .kind(SupportedKind.of("ec2/classic-load-balancer@v1", ClassicLoadBalancer.class), "test-ec2")
        .kind(SupportedKind.of("ec2/application-load-balancer@v1.2", ApplicationLoadBalancer.class), "test-ec2")
        .kind(SupportedKind.of("titus/cluster@v1", TitusCluster.class), "test-titus")
        .verification("test-container", TestContainer.class, "test-titus");
  }

  static ConfigReader reader() {
    return ConfigReader.builder().registry(registryBuilder().build()).build();
  }
}
