package dev.keel.titus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZips;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.sim.SimulatedTitus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that brings its own clouds: it implements {@link Ec2Cloud} and {@link TitusCloud} from the port API jars
 * on its class path, registers them as services, and loads the production EC2 and Titus zips (no simulator
 * plugin). The zips load the port types from the host, so the very objects the host registered are the ones the
 * plugins' handlers, resolvers, vetoes and task monitors call.
 */
class HostProvidedCloudsTest {

  private static final String CONFIG = """
      application: fnord
      serviceAccount: me@example.com
      environments:
      - name: test
        locations:
          account: test
          regions:
          - name: us-east-1
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
              min: 1
              max: 1
              desired: 1
      """;

  @Test
  void theProductionZipsCallTheCloudsTheHostImplementsAndRegisters(@TempDir Path plugins) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-handlers-titus"), plugins.resolve("keel-titus.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).build();
    VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
    HostsEc2 ec2 = new HostsEc2(SimulatedEc2.withDefaults(scheduler.clock()));
    HostsTitus titus = new HostsTitus(SimulatedTitus.withDefaults(scheduler.clock()));
    try (EngineHarness harness = EngineHarness.builder().scheduler(scheduler).config(config)
        .engine(b -> b.plugins(plugins).service(Ec2Cloud.class, ec2).service(TitusCloud.class, titus)).build()) {
      var engine = harness.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      assertThat(engine.simulators()).as("no simulator plugin is loaded").isEmpty();
      assertThatThrownBy(() -> Class.forName("dev.keel.ec2.handler.Ec2ClusterHandler"))
          .as("the plugin's classes come from its zip").isInstanceOf(ClassNotFoundException.class);

      DeliveryConfig delivery = engine.configReader().read(CONFIG, "fnord.yml");
      engine.submit(delivery);
      String vm = "ec2:cluster:test:fnord-vm";
      String container = "titus:cluster:test:fnord-container";
      boolean converged = harness.advanceUntil(() -> harness.status(vm) == ResourceStatus.HAPPY
          && harness.status(container) == ResourceStatus.HAPPY, Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(converged).as("vm=%s container=%s", harness.status(vm), harness.status(container)).isTrue();
      assertThat(ec2.calls()).contains("serverGroups", "submit", "task");
      assertThat(operations(ec2.submitted())).singleElement()
          .isInstanceOfSatisfying(ServerGroupOperation.CreateServerGroup.class,
              c -> assertThat(c.serverGroup().name()).isEqualTo("fnord-vm"));
      assertThat(titus.calls()).contains("serverGroups", "submit", "task");
      assertThat(operations(titus.submitted())).singleElement()
          .isInstanceOfSatisfying(ServerGroupOperation.CreateServerGroup.class,
              c -> assertThat(c.serverGroup().name()).isEqualTo("fnord-container"));
      assertThat(harness.events(vm, ResourceEvent.TaskSucceeded.class)).hasSize(1);
      assertThat(harness.events(container, ResourceEvent.TaskSucceeded.class)).hasSize(1);
    }
  }

  @Test
  void withoutTheHostsCloudsTheProductionZipsAreReportedUnavailableAndRegisterNoKind(@TempDir Path plugins)
      throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-handlers-titus"), plugins.resolve("keel-titus.zip"));
    try (EngineHarness harness = EngineHarness.builder().engine(b -> b.plugins(plugins)).build()) {
      var engine = harness.engine();

      assertThat(engine.pluginFailures()).extracting(f -> f.pluginId()).containsExactly("dev.keel.ec2",
          "dev.keel.titus");
      assertThat(engine.pluginFailures()).allSatisfy(f -> assertThat(f.reason())
          .contains("to talk to: register one with KeelEngine.builder().service(")
          .contains("configure plugin " + f.pluginId() + " with simulated: true"));
      assertThat(engine.registry().kinds()).isEmpty();
      assertThat(engine.registry().verification("test-container")).isEmpty();
    }
  }

  private static List<CloudOperation> operations(List<TaskRequest> tasks) {
    return tasks.stream().flatMap(t -> t.operations().stream()).toList();
  }
}
