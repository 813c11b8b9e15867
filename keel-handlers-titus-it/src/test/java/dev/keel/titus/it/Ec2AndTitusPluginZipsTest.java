package dev.keel.titus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZips;
import dev.keel.titus.api.model.TitusServerGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EC2 and Titus plugin zips, loaded from disk into one engine, each in its own class loader, converge a
 * delivery config with an EC2 cluster and a Titus cluster on the simulated clouds of the simulator plugin zips.
 */
class Ec2AndTitusPluginZipsTest {

  /** An EC2 cluster and a Titus cluster in one environment; their specs name their images, so no artifact is needed. */
  static final String CONFIG = """
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
        - kind: ec2/cluster@v1.1
          spec:
            moniker:
              app: fnord
              stack: vm
            deployWith:
              strategy: highlander
            launchConfiguration:
              image:
                id: ami-0123
                appVersion: fnord-1.0.0-h1.abc
              instanceType: m5.large
            capacity:
              min: 1
              max: 1
              desired: 1
        - kind: titus/cluster@v1
          spec:
            moniker:
              app: fnord
              stack: container
            container:
              organization: illuminati
              image: fnord
              digest: sha256:0123456789abcdef
            capacity:
              min: 2
              max: 2
              desired: 2
            tags:
              team: delivery
            resources:
              cpu: 2
              memory: 4096
      """;


  /** Plans on virtual time: the checks the plan waits for run before it is read. */
  static Plan plan(EngineHarness harness, DeliveryConfig delivery) {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(delivery);
    harness.runUntilIdle();
    return future.join();
  }

  /** The class of a cluster plan's per-region model. */
  private static Class<?> regionalModel(ResourcePlan plan) {
    return ((java.util.Map<?, ?>) plan.desired()).values().iterator().next().getClass();
  }

  @Test
  void bothPluginZipsLoadedFromDiskConvergeAConfigUsingBothClouds(@TempDir Path plugins) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    Files.copy(PluginZips.find("keel-handlers-titus"), plugins.resolve("keel-titus.zip"));
    Files.copy(PluginZips.find("keel-titus-sim"), plugins.resolve("keel-titus-sim.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).pluginConfigs(PluginZips.simulatedClouds()).build();
    try (EngineHarness harness = EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build()) {
      var engine = harness.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      assertThat(engine.registry().kinds()).contains(ResourceKind.parse("ec2/cluster@v1.1"),
          ResourceKind.parse("titus/cluster@v1"));
      assertThat(engine.registry().verification("test-container")).isPresent();

      DeliveryConfig delivery = engine.configReader().read(CONFIG, "fnord.yml");
      String ec2 = "ec2:cluster:test:fnord-vm";
      String titus = "titus:cluster:test:fnord-container";
      Plan first = plan(harness, delivery);
      ResourcePlan ec2Plan = first.resource(ec2).orElseThrow();
      ResourcePlan titusPlan = first.resource(titus).orElseThrow();
      assertThat(titusPlan.action()).isEqualTo(PlannedAction.CREATE);
      assertThat(titusPlan.operations()).extracting(o -> o.type()).containsExactly("createServerGroup",
          "createServerGroup");
      // The models belong to the port APIs, which both plugins load from the host (this test's class path), while
      // the plugins' own classes are in their zips only.
      assertThat(regionalModel(ec2Plan)).isSameAs(Ec2ServerGroup.class);
      assertThat(regionalModel(titusPlan)).isSameAs(TitusServerGroup.class);
      assertThatThrownBy(() -> Class.forName("dev.keel.ec2.handler.Ec2ClusterHandler"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> Class.forName("dev.keel.titus.handler.TitusClusterHandler"))
          .isInstanceOf(ClassNotFoundException.class);

      engine.submit(delivery);
      boolean converged = harness.advanceUntil(() -> harness.status(ec2) == ResourceStatus.HAPPY
          && harness.status(titus) == ResourceStatus.HAPPY, Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(converged).as("ec2=%s titus=%s", harness.status(ec2), harness.status(titus)).isTrue();
      assertThat(harness.events(titus, ResourceEvent.TaskSucceeded.class)).hasSize(2);
      assertThat(harness.events(ec2, ResourceEvent.TaskSucceeded.class)).hasSize(2);
      harness.advance(Duration.ofMinutes(30));
      assertThat(plan(harness, delivery).inSync()).isTrue();
      assertThat(harness.events(titus, ResourceEvent.TaskSucceeded.class)).hasSize(2);
    }
  }
}
