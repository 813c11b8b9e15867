package dev.keel.ec2.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.ec2.migrate.ApplicationLoadBalancerV1Migrator;
import dev.keel.ec2.migrate.ApplicationLoadBalancerV1_1Migrator;
import dev.keel.ec2.migrate.ClusterV1Migrator;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class KeelExamplesReadTest {

  static final Path EXAMPLES = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "keel-examples");

  static ConfigReader reader() {
    return ConfigReader.builder().registry(registry()).build();
  }

  static KindRegistry registry() {
    return KindRegistry.builder()
        .kind(Ec2Kinds.CLUSTER, "dev.keel.ec2")
        .migrator(new ClusterV1Migrator(), "dev.keel.ec2")
        .kind(Ec2Kinds.SECURITY_GROUP, "dev.keel.ec2")
        .kind(Ec2Kinds.CLASSIC_LOAD_BALANCER, "dev.keel.ec2")
        .kind(Ec2Kinds.APPLICATION_LOAD_BALANCER, "dev.keel.ec2")
        .migrator(new ApplicationLoadBalancerV1_1Migrator(), "dev.keel.ec2")
        .migrator(new ApplicationLoadBalancerV1Migrator(), "dev.keel.ec2")
        .build();
  }

  private static List<Resource<?>> ec2Resources(DeliveryConfig config) {
    return config.environments().stream().flatMap(e -> e.resources().stream())
        .filter(r -> r.kind().group().equals("ec2")).toList();
  }

  @Test
  void everyKeelExampleWithEc2ResourcesReadsWithTheRealSpecs() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> {
        try {
          String text = Files.readString(p);
          return text.contains("kind: ec2/") || text.contains("kind: \"ec2/");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    for (Path file : files) {
      DeliveryConfig config = reader().read(file);
      assertThat(ec2Resources(config)).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void aV1ClusterIsMigratedAndKeepsItsStaggeredRedBlack() {
    DeliveryConfig config = reader().read(EXAMPLES.resolve("cluster-example.yml"));
    Resource<?> r = ec2Resources(config).get(0);
    assertThat(r.kind().toString()).isEqualTo("ec2/cluster@v1.1");
    Ec2ClusterSpec spec = (Ec2ClusterSpec) r.spec();
    assertThat(spec.artifactReference()).isEqualTo("fnord");
    assertThat(spec.locations().regionNames()).containsExactly("us-east-1", "us-west-2");
    assertThat(spec.health().terminationPolicies()).containsExactly("Default");
    var strategy = (DeployStrategy.RedBlack) spec.deployWith().toStrategy();
    assertThat(strategy.resizePreviousToZero()).isTrue();
    assertThat(strategy.delayBeforeScaleDown()).isEqualTo(Duration.ofHours(1));
    assertThat(strategy.stagger()).hasSize(1);
    assertThat(r.id()).isEqualTo("ec2:cluster:prod:fnord-main-a-login");
  }

  @Test
  void autoscalingExampleReadsPoliciesAndCanonicalProcessNames() {
    Ec2ClusterSpec spec = (Ec2ClusterSpec) ec2Resources(reader().read(EXAMPLES.resolve("ec2-cluster-with-autoscaling-example.yml")))
        .get(0).spec();
    assertThat(spec.scaling().suspendedProcesses()).containsExactly("AZRebalance");
    assertThat(spec.scaling().targetTrackingPolicies()).hasSize(1);
    assertThat(spec.scaling().stepScalingPolicies()).hasSize(1);
    assertThat(spec.capacity().desired()).isNull();
  }

  @Test
  void securityGroupRulesAreTypedByTheirFields() {
    SecurityGroupSpec spec = (SecurityGroupSpec) ec2Resources(reader().read(
        EXAMPLES.resolve("security-group-with-cidr-rule-example.yml"))).get(0).spec();
    SecurityGroupRule rule = spec.inboundRules().iterator().next();
    assertThat(rule.type("test")).isEqualTo(SecurityGroupRule.Type.CIDR);
    assertThat(rule.protocol()).isEqualTo("TCP");
  }

  @Test
  void albExampleReadsActionsAndTargetGroupDefaults() {
    ApplicationLoadBalancerSpec spec = (ApplicationLoadBalancerSpec) ec2Resources(reader().read(
        EXAMPLES.resolve("alb-example.yml"))).get(0).spec();
    var listener = spec.listeners().iterator().next();
    assertThat(listener.defaultActions()).extracting(ApplicationLoadBalancerSpec.Action::type)
        .containsExactly("authenticate-oidc", "forward");
    var tg = spec.targetGroups().iterator().next();
    assertThat(tg.healthCheckPath()).isEqualTo("/healthcheck");
    assertThat(tg.attributes().stickinessDuration()).isEqualTo(8400);
  }

  @Test
  void olderAlbVersionsAreMigratedToV12() {
    String yaml = """
        application: fnord
        serviceAccount: me@example.com
        environments:
        - name: test
          locations:
            account: test
            regions:
            - name: us-east-1
          resources:
          - kind: ec2/application-load-balancer@v1
            spec:
              moniker:
                app: fnord
              listeners:
              - port: 443
                protocol: HTTPS
                certificateArn: arn:aws:iam::1234:server-certificate/fnord-cert
              targetGroups:
              - name: fnord
                port: 8080
                healthCheckTimeoutSeconds: 7
        """;
    Resource<?> r = ec2Resources(reader().read(yaml, "alb-v1.yml")).get(0);
    assertThat(r.kind().toString()).isEqualTo("ec2/application-load-balancer@v1.2");
    var spec = (ApplicationLoadBalancerSpec) r.spec();
    assertThat(spec.listeners().iterator().next().certificate()).isEqualTo("fnord-cert");
    assertThat(spec.targetGroups().iterator().next().healthCheckTimeout()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void desiredCapacityWithScalingPoliciesIsRejectedWithKeelsMessage() {
    String yaml = """
        application: fnord
        serviceAccount: me@example.com
        environments:
        - name: test
          resources:
          - kind: ec2/cluster@v1.1
            spec:
              moniker:
                app: fnord
              locations:
                account: test
                regions:
                - name: us-east-1
              capacity:
                min: 1
                max: 3
                desired: 2
              scaling:
                targetTrackingPolicies:
                - targetValue: 50
                  predefinedMetricSpec:
                    type: ASGAverageCPUUtilization
        """;
    assertThatThrownBy(() -> reader().read(yaml, "bad.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("mutually exclusive");
  }

  @Test
  void anUnknownDeployStrategyIsRejectedWithTheChoices() {
    String yaml = """
        application: fnord
        serviceAccount: me@example.com
        environments:
        - name: test
          resources:
          - kind: ec2/cluster@v1.1
            spec:
              moniker:
                app: fnord
              locations:
                account: test
                regions:
                - name: us-east-1
              deployWith:
                strategy: blue-green
        """;
    assertThatThrownBy(() -> reader().read(yaml, "bad.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("red-black, highlander, none, rolling-push");
  }
}
