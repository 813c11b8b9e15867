package dev.keel.ec2.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
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
 * The EC2 plugin zip, loaded from disk, bakes a published version on the simulated EC2 of the keel-ec2-sim zip
 * through its implicit {@code bake} constraint, records the bake events in the cluster's history, and deploys the
 * baked AMI.
 */
class Ec2PluginZipBakeryTest {

  private static final String CONFIG = """
      application: fnord
      serviceAccount: me@example.com
      artifacts:
      - name: fnord
        type: deb
        vmOptions:
          baseOs: bionic
          regions: [us-east-1, us-west-2]
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
            imageProvider:
              reference: fnord
            deployWith:
              strategy: highlander
            launchConfiguration:
              instanceType: m5.large
            capacity:
              min: 1
              max: 1
              desired: 1
      """;

  @Test
  void thePluginZipBakesAPublishedVersionAndRecordsTheBakeInTheClusterHistory(@TempDir Path plugins)
      throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), plugins.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), plugins.resolve("keel-ec2-sim.zip"));
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .taskPollInterval(Duration.ofSeconds(10)).pluginConfigs(PluginZips.simulatedClouds()).build();
    try (EngineHarness harness = EngineHarness.builder().config(config).engine(b -> b.plugins(plugins)).build()) {
      var engine = harness.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      DeliveryConfig delivery = engine.configReader().read(CONFIG, "fnord.yml");
      String cluster = "ec2:cluster:test:fnord-main";
      engine.submit(delivery);
      engine.promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-1.0.0-h1.abc", harness.now(), "main",
          Map.of()));

      boolean converged = harness.advanceUntil(() -> harness.status(cluster) == ResourceStatus.HAPPY,
          Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(converged).as("status %s", harness.status(cluster)).isTrue();
      assertThat(harness.events(cluster, ResourceEvent.FromPlugin.class)).extracting(e -> e.event().type())
          .containsSubsequence("BakeLaunched", "BakeSucceeded");
      var bake = engine.promotions().status("fnord").get(0).version("fnord-1.0.0-h1.abc").orElseThrow()
          .constraints().stream().filter(c -> c.type().equals("bake")).findFirst().orElseThrow();
      assertThat(bake.status()).isEqualTo(ConstraintStatus.PASS);
      assertThat(bake.attributes()).containsEntry("status", "BAKED").containsKeys("region.us-east-1",
          "region.us-west-2");
    }
  }
}
