package dev.keel.titus.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.Exportable;
import dev.keel.spi.Simulator;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulators of the EC2 and Titus simulator plugin zips, as the keel CLI drives them: found by name among the
 * engine's extensions, seeded and given faults with plain values only, acting on the very clouds the production
 * plugins' handlers use when configured with {@code simulated: true}.
 */
class SimulatorsFromPluginZipsTest {

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
      """;


  private static EngineHarness harness(Path plugins) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    Files.copy(PluginZips.find("keel-handlers-titus"), plugins.resolve("keel-titus.zip"));
    Files.copy(PluginZips.find("keel-titus-sim"), plugins.resolve("keel-titus-sim.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).pluginConfigs(PluginZips.simulatedClouds()).build();
    return EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build();
  }

  private static Resource<?> export(EngineHarness harness, String kind, String cluster) {
    CompletableFuture<Resource<?>> future = harness.engine().exportAsync(new Exportable(ResourceKind.parse(kind),
        "test", Moniker.parse(cluster), Set.of(), "me"));
    harness.runUntilIdle();
    return future.join();
  }

  @Test
  void bothSimulatorsSeedTheCloudsThePluginsExportFromAndInjectFaultsIntoTheirDeploys(@TempDir Path plugins)
      throws IOException {
    try (EngineHarness harness = harness(plugins)) {
      var engine = harness.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      Map<String, Simulator> simulators = engine.simulators().stream()
          .collect(Collectors.toMap(Simulator::name, Function.identity()));
      assertThat(simulators).containsOnlyKeys("ec2", "titus");
      assertThat(simulators.values()).allMatch(Simulator::active);
      Simulator ec2 = simulators.get("ec2");
      Simulator titus = simulators.get("titus");
      assertThat(ec2.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader())
          .isNotSameAs(titus.getClass().getClassLoader());

      ec2.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "us-west-2", "cluster",
          "fnord-main", "appVersion", "fnord-1.0.0-h1.abc", "capacity", Map.of("min", 2, "max", 2, "desired", 2)))));
      titus.seed(Map.of("serverGroups", List.of(Map.of("account", "test", "region", "eu-west-1", "cluster",
          "fnord-container", "image", "illuminati/fnord:1.0.0"))));

      Resource<?> vm = export(harness, "ec2/cluster@v1.1", "fnord-main");
      Resource<?> container = export(harness, "titus/cluster@v1", "fnord-container");

      assertThat(vm.kind()).isEqualTo(ResourceKind.parse("ec2/cluster@v1.1"));
      assertThat(vm.spec().id()).isEqualTo("test:fnord-main");
      assertThat(((Locatable) vm.spec()).locations().regionNames()).containsExactly("us-west-2");
      assertThat(vm.spec()).as("a spec of the host-provided EC2 API").isInstanceOf(Ec2ClusterSpec.class);
      assertThat(container.spec().id()).isEqualTo("test:fnord-container");
      assertThat(((Locatable) container.spec()).locations().regionNames()).containsExactly("eu-west-1");

      String said = ec2.apply("fail", Map.of("operation", "createServerGroup", "message", "boom"));
      assertThat(said).isEqualTo("next 1 createServerGroup stage(s) fail: boom");
      DeliveryConfig delivery = engine.configReader().read(CONFIG, "fnord.yml");
      ec2.prepare(delivery);
      engine.submit(delivery);
      String id = "ec2:cluster:test:fnord-vm";
      boolean failed = harness.advanceUntil(() -> !harness.events(id, ResourceEvent.TaskFailed.class).isEmpty(),
          Duration.ofMinutes(1), Duration.ofHours(1));

      assertThat(failed).isTrue();
      assertThat(harness.events(id, ResourceEvent.TaskFailed.class).get(0).reason()).contains("boom");
    }
  }
}
