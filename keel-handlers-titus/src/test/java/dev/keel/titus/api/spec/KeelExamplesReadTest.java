package dev.keel.titus.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.titus.verify.TestContainerVerification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeelExamplesReadTest {

  static final Path EXAMPLES = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "keel-examples");

  static ConfigReader reader() {
    return ConfigReader.builder().registry(KindRegistry.builder().kind(TitusKinds.CLUSTER, "dev.keel.titus")
        .verification(TestContainerVerification.TYPE, TestContainerVerification.class, "dev.keel.titus").build()).build();
  }

  private static TitusClusterSpec cluster(DeliveryConfig config) {
    return (TitusClusterSpec) config.environments().get(0).resources().get(0).spec();
  }

  @Test
  void everyKeelExampleWithTitusResourcesReadsWithTheRealSpec() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> {
        try {
          // wrong-resource-kind.yml is Keel's negative example: a titus kind with an EC2 spec.
          return Files.readString(p).contains("kind: titus/") && !p.endsWith("wrong-resource-kind.yml");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("simple-titus-cluster-example.yml",
        "titus-cluster-example.yml", "titus-cluster-with-artifact-example.yml", "titus-cluster-with-test-container.yml");
    for (Path file : files) {
      DeliveryConfig config = reader().read(file);
      List<Resource<?>> titus = config.environments().stream().flatMap(e -> e.resources().stream()).toList();
      assertThat(titus).as(file.toString()).isNotEmpty().allMatch(r -> r.spec() instanceof TitusClusterSpec);
    }
  }

  @Test
  void aFollowedImageKeepsItsOrganizationImageAndTagStrategy() throws Exception {
    TitusClusterSpec spec = cluster(reader().read(EXAMPLES.resolve("titus-cluster-example.yml")));

    assertThat(spec.container().repository()).isEqualTo("illuminati/fnord");
    assertThat(spec.container().tagVersionStrategy()).isEqualTo("semver-job-commit-by-semver");
    assertThat(spec.artifactReference()).isNull();
    assertThat(spec.resources()).isEqualTo(new ResourcesSpec(4, 32000, null, null, null));
    assertThat(spec.deployWith().toStrategy()).isInstanceOf(DeployStrategy.Highlander.class);
    assertThat(spec.iamProfile()).isEqualTo("fnordInstanceProfile");
    assertThat(spec.containerAttributes()).containsEntry("titusParameter.agent.schedBatch", "true");
    assertThat(spec.dependencies().securityGroupNames()).containsExactly("fnord", "fnord-datacenter",
        "fnord-infrastructure");
    assertThat(spec.id()).isEqualTo("test:fnord");
  }

  @Test
  void anArtifactContainerTakesTheEnvironmentsLocations() throws Exception {
    TitusClusterSpec spec = cluster(reader().read(EXAMPLES.resolve("titus-cluster-with-artifact-example.yml")));

    assertThat(spec.artifactReference()).isEqualTo("fnord");
    assertThat(spec.locations().account()).isEqualTo("prod");
    assertThat(spec.locations().regionNames()).containsExactly("us-east-1", "us-west-2");
    assertThat(spec.capacity()).isEqualTo(new CapacitySpec(1, 1, 1));
  }

  @Test
  void theTestContainerVerificationReadsWithItsImageAndLocation() throws Exception {
    DeliveryConfig config = reader().read(EXAMPLES.resolve("titus-cluster-with-test-container.yml"));

    assertThat(config.environments().get(0).verifyWith()).containsExactly(new TestContainerVerification(
        "acme/widget:stable", new TestContainerVerification.Location("test", "us-east-1"), null, null, null));
  }

  @Test
  void aContainerWithBothAReferenceAndAnImageIsRejectedWithItsPath() {
    String yaml = """
        application: fnord
        artifacts:
        - name: fnord
          type: docker
          reference: fnord
          tagVersionStrategy: increasing-tag
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: titus/cluster@v1
            spec:
              moniker: {app: fnord}
              container: {reference: fnord, organization: illuminati, image: fnord, digest: "sha256:1"}
        """;
    assertThatThrownBy(() -> reader().read(yaml, "bad.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("container").hasMessageContaining("not both");
  }

  @Test
  void overridesAndScalingPoliciesRead() {
    String yaml = """
        application: fnord
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}, {name: us-west-2}]}
          resources:
          - kind: titus/cluster@v1
            spec:
              moniker: {app: fnord, stack: main}
              container: {organization: illuminati, image: fnord, digest: "sha256:abc"}
              capacity: {min: 1, max: 4}
              tags: {team: delivery}
              env: {A: "1"}
              constraints: {hard: {UniqueHost: "true"}}
              migrationPolicy: {type: selfManaged}
              scaling:
                targetTrackingPolicies:
                - targetValue: 50
                  predefinedMetricSpec: {type: ASGAverageCPUUtilization}
                stepScalingPolicies:
                - adjustmentType: ChangeInCapacity
                  comparisonOperator: GreaterThanThreshold
                  evaluationPeriods: 2
                  period: PT1M
                  threshold: 80
                  metricName: CPUUtilization
                  namespace: NFLX/EPIC
                  statistic: Average
                  stepAdjustments: [{lowerBound: 0, scalingAdjustment: 1}]
              overrides:
                us-west-2:
                  env: {B: "2"}
                  resources: {cpu: 2}
        """;
    TitusClusterSpec spec = cluster(reader().read(yaml, "fnord.yml"));

    assertThat(spec.scaling().targetTrackingPolicies()).hasSize(1);
    assertThat(spec.scaling().stepScalingPolicies()).singleElement()
        .satisfies(p -> assertThat(p.actionsEnabled()).isTrue());
    assertThat(spec.constraints().soft()).isEqualTo(Map.of("ZoneBalance", "true"));
    assertThat(spec.migrationPolicy().type()).isEqualTo("selfManaged");
    assertThat(spec.overrides().get("us-west-2").resources().cpu()).isEqualTo(2);
  }

  @Test
  void anEnabledManagedRolloutIsRejectedAndADisabledOneReads() {
    String yaml = """
        application: fnord
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: titus/cluster@v1
            spec:
              moniker: {app: fnord}
              container: {organization: illuminati, image: fnord, digest: "sha256:abc"}
              managedRollout: {enabled: %s}
        """;
    assertThat(cluster(reader().read(yaml.formatted("false"), "ok.yml")).managedRollout().enabled()).isFalse();
    assertThatThrownBy(() -> reader().read(yaml.formatted("true"), "bad.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("managedRollout.enabled is not supported");
  }
}
