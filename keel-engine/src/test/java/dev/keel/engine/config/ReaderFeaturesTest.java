package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.SupportedKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, streams, files, single resources, YAML anchors and merge keys, and the registry's rules. */
class ReaderFeaturesTest {

  private final ConfigReader reader = TestKinds.reader();

  @Test
  void jsonReadsLikeYamlAndReportsJsonPositions() {
    String json = """
        {"application": "fnord",
         "environments": [{"name": "test", "constraints": [{"type": "depends-on", "environment": "nope"}]}]}
        """;

    assertThatThrownBy(() -> reader.read(json, "config.json")).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
          assertThat(p.line()).isEqualTo(2);
          assertThat(p.path()).isEqualTo("environments[0].constraints[0].environment");
        }));
    assertThat(reader.read("{\"application\": \"fnord\"}", "inline").application()).isEqualTo("fnord");
  }

  @Test
  void streamsAndFilesAreReadWithTheirSourceName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("delivery.yml");
    Files.writeString(file, "application: fnord\nname: my-config\n");

    assertThat(reader.read(file).name()).isEqualTo("my-config");
    assertThat(reader.read(new ByteArrayInputStream("application: x".getBytes(StandardCharsets.UTF_8)), "s")
        .application()).isEqualTo("x");
  }

  @Test
  void aliasesAreExpandedAndMergeKeysApplied() {
    DeliveryConfig config = reader.read("""
        application: fnord
        environments:
        - name: test
          locations: &where {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: ec2/security-group@v1
            spec: &sg
              moniker: {app: fnord}
              description: shared
        - name: prod
          locations:
            <<: *where
            account: prod
          resources:
          - kind: ec2/security-group@v1
            spec: *sg
        """, "anchors.yml");

    assertThat(config.resources().map(Resource::id))
        .containsExactly("ec2:security-group:test:fnord", "ec2:security-group:prod:fnord");
    assertThat(config.environment("prod").locations().regionNames()).containsExactly("us-east-1");
  }

  @Test
  void problemsInsideAnAliasPointAtTheAnchoredText() {
    assertThatThrownBy(() -> reader.read("""
        application: fnord
        shared: &sg
          moniker: {app: fnord}
          descriptoin: typo
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: ec2/security-group@v1
            spec: *sg
        """, "alias.yml")).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
        .anySatisfy(p -> {
          assertThat(p.message()).contains("Unknown property 'descriptoin'");
          assertThat(p.line()).isEqualTo(4);
        }));
  }

  @Test
  void duplicateKeysAreReported() {
    assertThatThrownBy(() -> reader.read("application: a\napplication: b\n", "dup.yml"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
            .satisfies(p -> {
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.message()).contains("Duplicate key 'application'");
            }));
  }

  @Test
  void aKubernetesStyleResourceReadsInBothKindForms() {
    Resource<?> byKind = reader.readResource("""
        kind: ec2/security-group@v1
        metadata: {serviceAccount: me@example.com}
        spec:
          moniker: {app: fnord, stack: web}
          locations: {account: test, regions: [{name: us-west-2}]}
          description: web
        """, "sg.yml");
    Resource<?> byApiVersion = reader.readResource("""
        apiVersion: ec2.spinnaker.netflix.com/v1
        kind: cluster
        spec:
          moniker: {app: fnord}
          locations: {account: test, regions: [{name: us-west-2}]}
          imageProvider: {reference: fnord}
        """, "cluster.yml");

    assertThat(byKind.id()).isEqualTo("ec2:security-group:test:fnord-web");
    assertThat(byKind.metadata()).containsEntry("serviceAccount", "me@example.com").containsEntry("application", "fnord");
    assertThat(byApiVersion.kind()).isEqualTo(ResourceKind.parse("ec2/cluster@v1.1"));
    assertThat(((TestKinds.ClusterV11) byApiVersion.spec()).artifactReference()).isEqualTo("fnord");
  }

  @Test
  void aRegionIsGivenByItsNameAloneOrWithItsZones() {
    Resource<?> sg = reader.readResource("""
        kind: ec2/security-group@v1
        spec:
          moniker: {app: fnord, stack: web}
          locations: {account: test, regions: [us-east-1, {name: us-west-2, availabilityZones: [us-west-2a]}]}
          description: web
        """, "sg.yml");

    assertThat(((TestKinds.SecurityGroup) sg.spec()).locations().regions()).containsExactlyInAnyOrder(
        new RegionSpec("us-east-1"), new RegionSpec("us-west-2", Set.of("us-west-2a")));
  }

  @Test
  void aRegionWithAnUnknownPropertyIsAProblemAtItsLine() {
    assertThatThrownBy(() -> reader.readResource("""
        kind: ec2/security-group@v1
        spec:
          moniker: {app: fnord, stack: web}
          locations:
            account: test
            regions:
            - {name: us-west-2, zones: [us-west-2a]}
          description: web
        """, "sg.yml")).isInstanceOf(ConfigException.class).hasMessageContaining("sg.yml:7:").hasMessageContaining("zones");
  }

  @Test
  void aKubernetesStyleResourceReportsItsProblems() {
    assertThatThrownBy(() -> reader.readResource("kind: ec2/security-group@v1\nspce: {}\n", "bad.yml"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
            .extracting(ConfigProblem::message)
            .anySatisfy(m -> assertThat(m).contains("did you mean 'spec'?"))
            .anySatisfy(m -> assertThat(m).contains("needs a 'spec'")));
  }

  @Test
  void twoExtensionsClaimingOneKindIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> TestKinds.registryBuilder()
        .kind(SupportedKind.of("titus/cluster@v1", TestKinds.TitusCluster.class), "other-plugin"))
        .isInstanceOf(RegistrationConflictException.class)
        .hasMessageContaining("titus/cluster@v1").hasMessageContaining("test-titus").hasMessageContaining("other-plugin");
    assertThatThrownBy(() -> KindRegistry.builder().constraint("depends-on", TestConstraint.class, "plugin-x"))
        .isInstanceOf(RegistrationConflictException.class).hasMessageContaining("built in");
  }

  @Test
  void aMigratorToAnUnregisteredKindIsRejectedWhenTheRegistryIsBuilt() {
    assertThatThrownBy(() -> KindRegistry.builder().migrator(new TestKinds.ClusterMigrator(), "p").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ec2/cluster@v1.1");
  }

  @Test
  void aPluginConstraintTypeBindsToItsClass() {
    var registry = TestKinds.registryBuilder().constraint("canary", TestConstraint.class, "canary-plugin").build();
    DeliveryConfig config = ConfigReader.builder().registry(registry).build().read("""
        application: fnord
        environments:
        - name: prod
          constraints: [{type: canary, threshold: 95}]
        """, "c.yml");

    assertThat(config.environment("prod").constraints()).containsExactly(new TestConstraint(95));
  }

  record TestConstraint(int threshold) implements dev.keel.spi.model.Constraint {
    @Override
    public String type() {
      return "canary";
    }
  }
}
