package dev.keel.ec2.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EC2 plugin zip, loaded from disk, converges a cluster and its dependencies on the simulated EC2 of the
 * keel-ec2-sim zip, and without a cloud is reported unavailable instead of simulating silently.
 */
class Ec2PluginZipTest {

  private static final String CONFIG = """
      application: fnord
      serviceAccount: me@example.com
      environments:
      - name: test
        locations:
          account: test
          regions:
          - name: us-east-1
          - name: us-west-2
        resources:
        - kind: ec2/cluster@v1
          spec:
            moniker:
              app: fnord
              stack: main
            deployWith:
              strategy: highlander
            launchConfiguration:
              image:
                id: ami-0123
                appVersion: fnord-1.0.0-h1.abc
              instanceType: m5.large
            capacity:
              min: 2
              max: 2
              desired: 2
            dependencies:
              securityGroupNames:
              - fnord
              loadBalancerNames:
              - fnord-main
        - kind: ec2/security-group@v1
          spec:
            moniker:
              app: fnord
            description: fnord
            inboundRules:
            - protocol: tcp
              portRange:
                startPort: 7001
                endPort: 7001
        - kind: ec2/classic-load-balancer@v1
          spec:
            moniker:
              app: fnord
              stack: main
            listeners:
            - internalProtocol: HTTP
              internalPort: 7001
              externalProtocol: HTTP
              externalPort: 80
            healthCheck:
              target: HTTP:7001/health
      """;


  /** Plans on virtual time: the engine's calls run when the harness drives the scheduler. */
  private static Plan plan(EngineHarness harness, DeliveryConfig delivery) {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(delivery);
    harness.runUntilIdle();
    return future.join();
  }

  @Test
  void thePluginZipLoadedFromDiskConvergesAClusterOnItsSimulatedEc2(@TempDir Path plugins) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).pluginConfigs(PluginZips.simulatedClouds()).build();
    try (EngineHarness harness = EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build()) {
      var engine = harness.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      assertThat(engine.registry().kinds()).contains(ResourceKind.parse("ec2/cluster@v1.1"),
          ResourceKind.parse("ec2/security-group@v1"), ResourceKind.parse("ec2/classic-load-balancer@v1"),
          ResourceKind.parse("ec2/application-load-balancer@v1.2"));

      DeliveryConfig delivery = engine.configReader().read(CONFIG, "fnord.yml");
      String cluster = "ec2:cluster:test:fnord-main";
      ResourcePlan plan = plan(harness, delivery).resource(cluster).orElseThrow();
      assertThat(plan.action()).isEqualTo(PlannedAction.BLOCKED);
      assertThat(plan.desired().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());

      engine.submit(delivery);
      boolean converged = harness.advanceUntil(() -> delivery.environments().get(0).resources().stream()
          .allMatch(r -> harness.status(r.id()) == ResourceStatus.HAPPY), Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(converged).as("statuses: %s", delivery.environments().get(0).resources().stream()
          .map(r -> r.id() + "=" + harness.status(r.id())).toList()).isTrue();
      assertThat(harness.events(cluster, ResourceEvent.ActuationVetoed.class)).isNotEmpty();
      assertThat(harness.events(cluster, ResourceEvent.TaskSucceeded.class)).hasSize(2);
      assertThat(plan(harness, delivery).inSync()).isTrue();
    }
  }

  @Test
  void theProductionZipWithNoCloudAndNoSimulatedSettingIsReportedUnavailableAndNothingIsHappy(@TempDir Path plugins)
      throws IOException {
    Path zip = Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).build();
    try (EngineHarness harness = EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build()) {
      var engine = harness.engine();

      assertThat(engine.pluginFailures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("dev.keel.ec2");
        assertThat(f.path()).isEqualTo(zip);
        assertThat(f.reason()).startsWith("plugin dev.keel.ec2 has no EC2 to talk to: register one with"
            + " KeelEngine.builder().service(Ec2Cloud.class, cloud)")
            .contains("dev.keel:keel-ec2-api")
            .contains("load the dev.keel.ec2-sim plugin and configure plugin dev.keel.ec2 with simulated: true")
            .endsWith("(a simulated EC2 is loaded, but dev.keel.ec2 uses it only when configured so)");
      });
      assertThat(engine.registry().kinds()).noneMatch(k -> k.group().equals("ec2"));
      assertThatThrownBy(() -> engine.submit(CONFIG, "fnord.yml")).isInstanceOf(ConfigException.class)
          .hasMessageContaining("Unknown resource kind ec2/cluster@v1");
      harness.advance(Duration.ofMinutes(30));
      assertThat(engine.resources()).as("nothing was submitted, so nothing can be HAPPY").isEmpty();
    }
  }

  @Test
  void configurationUnderTheFormerPluginIdStillAsksForTheSimulatedCloud(@TempDir Path plugins) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    EngineConfig config = EngineConfig.builder().pluginConfig("keel-ec2", Map.of("simulated", true)).build();
    try (EngineHarness harness = EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build()) {
      assertThat(harness.engine().pluginFailures()).isEmpty();
      assertThat(harness.engine().registry().kinds()).contains(ResourceKind.parse("ec2/cluster@v1.1"));
    }
  }
}
