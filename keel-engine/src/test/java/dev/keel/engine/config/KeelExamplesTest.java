package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.TagVersionStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keel's own example configs, unchanged, read with test-only EC2 and Titus spec classes. */
class KeelExamplesTest {

  static final Path EXAMPLES = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "keel-examples");
  private final ConfigReader reader = TestKinds.reader();

  static Stream<Path> validExamples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".yml"))
          .filter(f -> !f.getFileName().toString().equals("wrong-resource-kind.yml"))
          .sorted().collect(Collectors.toList());
      assertThat(all).hasSize(12);
      return all.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("validExamples")
  void everyValidExampleReadsWithLocatedResources(Path file) {
    DeliveryConfig config = reader.read(file);

    assertThat(config.application()).isNotBlank();
    config.resources().forEach(r -> {
      assertThat(r.id()).startsWith(r.kind().group() + ":" + r.kind().kind() + ":");
      if (r.spec() instanceof Locatable l) {
        assertThat(l.locations()).as("locations of %s", r.id()).isNotNull();
      }
    });
  }

  @Test
  void minimalConfigHasNoEnvironmentsAndADefaultName() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("minimal.yml"));

    assertThat(config.application()).isEqualTo("fnord");
    assertThat(config.name()).isEqualTo("fnord-manifest");
    assertThat(config.serviceAccount()).isEqualTo("delivery-engineering@netflix.com");
    assertThat(config.environments()).isEmpty();
  }

  @Test
  void deliveryConfigExampleHasThreeEnvironmentsWithTheirResourcesAndConstraints() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("delivery-config-example.yml"));

    assertThat(config.environments()).extracting(Environment::name).containsExactly("test", "staging", "main");
    assertThat(config.artifacts()).singleElement().isInstanceOfSatisfying(DebianArtifact.class, deb -> {
      assertThat(deb.reference()).isEqualTo("fnord");
      assertThat(deb.vmOptions().baseOs()).isEqualTo("bionic");
      assertThat(deb.vmOptions().regions()).containsExactly("us-east-1", "us-west-2");
      assertThat(deb.vmOptions().baseLabel()).isEqualTo("release");
    });
    Environment test = config.environment("test");
    assertThat(test.resources()).extracting(Resource::id).containsExactly(
        "ec2:cluster:testaccount:fnord-test",
        "ec2:security-group:testaccount:fnord",
        "ec2:security-group:testaccount:fnord-elb",
        "ec2:security-group:testaccount:fnord-sql",
        "ec2:classic-load-balancer:testaccount:fnord-test-vpc0");
    Environment main = config.environment("main");
    assertThat(main.constraints()).extracting(Constraint::type)
        .containsExactly("depends-on", "manual-judgement", "pipeline");
    assertThat(main.constraints().get(0)).isEqualTo(new DependsOnConstraint("staging"));
    assertThat(main.constraints().get(1)).isEqualTo(new ManualJudgementConstraint(Duration.ofDays(5)));
    assertThat(((PipelineConstraint) main.constraints().get(2)).pipelineId())
        .isEqualTo("25bcc868-db2a-403d-9cfb-f96af426e2d4");
    assertThat(config.environment("staging").constraints()).containsExactly(new DependsOnConstraint("test"));
    assertThat(config.environment("staging").notifications()).singleElement()
        .satisfies(n -> assertThat(n.address()).isEqualTo("#fnord-notifications"));
  }

  @Test
  void environmentLocationsFillResourcesThatOmitThem() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("delivery-config-example.yml"));

    var sg = (TestKinds.SecurityGroup) config.environment("staging").resources().get(1).spec();
    assertThat(sg.locations().account()).isEqualTo("prod-account");
    assertThat(sg.locations().regionNames()).containsExactly("us-west-2");
    assertThat(sg.locations().effectiveVpc()).isEqualTo("vpc0");
  }

  @Test
  void resourcesOwnLocationsWinOverTheEnvironments() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("delivery-config-example.yml"));

    var cluster = (TestKinds.ClusterV11) config.environment("main").resources().get(0).spec();
    assertThat(cluster.locations().account()).isEqualTo("prod-account");
    assertThat(cluster.artifactReference()).isEqualTo("fnord");
  }

  @Test
  void clusterV1IsMigratedToV11KeepingItsIdAndArtifact() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("cluster-example.yml"));

    Resource<?> cluster = config.environment("test").resources().get(0);
    assertThat(cluster.kind()).isEqualTo(ResourceKind.parse("ec2/cluster@v1.1"));
    assertThat(cluster.id()).isEqualTo("ec2:cluster:prod:fnord-main-a-login");
    assertThat(cluster.spec()).isInstanceOfSatisfying(TestKinds.ClusterV11.class, spec -> {
      assertThat(spec.artifactReference()).isEqualTo("fnord");
      assertThat(spec.locations().regionNames()).containsExactly("us-east-1", "us-west-2");
    });
    assertThat(cluster.metadata()).containsEntry(Resource.ENVIRONMENT, "test")
        .containsEntry(Resource.SERVICE_ACCOUNT, "delivery-engineering@netflix.com");
  }

  @Test
  void titusExamplesBindContainerAttributesAndTheDockerArtifact() {
    DeliveryConfig simple = reader.read(EXAMPLES.resolve("titus-cluster-example.yml"));
    var titus = (TestKinds.TitusCluster) simple.environment("test").resources().get(0).spec();
    assertThat(titus.containerAttributes()).containsEntry("titusParameter.agent.schedBatch", "true");
    assertThat(simple.resources().map(Resource::id)).containsExactly("titus:cluster:test:fnord");

    DeliveryConfig withArtifact = reader.read(EXAMPLES.resolve("titus-cluster-with-artifact-example.yml"));
    assertThat(withArtifact.artifacts()).singleElement().isInstanceOfSatisfying(DockerArtifact.class,
        d -> assertThat(d.tagVersionStrategy()).isEqualTo(TagVersionStrategy.BRANCH_JOB_COMMIT_BY_JOB));
    var located = (TestKinds.TitusCluster) withArtifact.environment("test").resources().get(0).spec();
    assertThat(located.locations().regionNames()).containsExactly("us-east-1", "us-west-2");
  }

  @Test
  void testContainerVerificationAndBranchFilterAreRead() {
    DeliveryConfig config = reader.read(EXAMPLES.resolve("titus-cluster-with-test-container.yml"));

    assertThat(config.serviceAccount()).isNull();
    assertThat(config.artifacts()).singleElement().isInstanceOfSatisfying(DockerArtifact.class,
        d -> assertThat(d.from().branch().name()).isEqualTo("main"));
    assertThat(config.environment("test").verifyWith()).singleElement()
        .isInstanceOfSatisfying(TestKinds.TestContainer.class, v -> {
          assertThat(v.image()).isEqualTo("acme/widget:stable");
          assertThat(v.location()).containsEntry("region", "us-east-1");
        });
    assertThat(config.resources().map(Resource::id)).containsExactly("titus:cluster:test:acme");
  }

  @Test
  void loadBalancerExamplesKeepPerRegionZonesAndDurations() {
    DeliveryConfig clb = reader.read(EXAMPLES.resolve("clb-example.yml"));
    var spec = (TestKinds.ClassicLoadBalancer) clb.resources().findFirst().orElseThrow().spec();
    assertThat(spec.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(spec.locations().regions()).anySatisfy(r -> {
      assertThat(r.name()).isEqualTo("us-west-1");
      assertThat(r.availabilityZones()).containsExactlyInAnyOrder("us-west-1a", "us-west-1c");
    });

    DeliveryConfig alb = reader.read(EXAMPLES.resolve("alb-example.yml"));
    var albSpec = (TestKinds.ApplicationLoadBalancer) alb.resources().findFirst().orElseThrow().spec();
    assertThat(albSpec.locations().subnet()).isEqualTo("internal (vpc0)");
    assertThat(albSpec.targetGroups()).singleElement().satisfies(tg -> assertThat(tg).containsEntry("port", 8443));
  }

  @Test
  void wrongResourceKindNamesEachForeignPropertyWithItsLineAndColumn() {
    assertThatThrownBy(() -> reader.read(EXAMPLES.resolve("wrong-resource-kind.yml")))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(17);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.path()).isEqualTo("environments[0].resources[0].spec.description");
            assertThat(p.message()).contains("Unknown property 'description'").contains("titus/cluster@v1");
          });
          assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.path()).isEqualTo("environments[0].resources[0].spec.inboundRules");
            assertThat(p.message()).contains("Unknown property 'inboundRules'");
          });
          assertThat(e.problems()).anySatisfy(p -> assertThat(p.message())
              .contains("fits ec2/security-group@v1: is the kind wrong?"));
          assertThat(e.getMessage()).contains("wrong-resource-kind.yml:17:7:");
        });
  }
}
