package dev.keel.examples.resolver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.diff.Change;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example resolver plugin, loaded from its zip on disk beside the EC2 and Titus plugin zips, each in its own
 * class loader: a plan shows the cost center tag it adds to clusters of both clouds, and the clusters converge
 * with it.
 */
class ResolverPluginZipTest {

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
        - kind: ec2/cluster@v1.1
          spec:
            moniker:
              app: fnord
              stack: legacy
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
            tags:
              costCenter: cc-9999
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
            tags:
              team: delivery
      """;

  private static final String EC2 = "ec2:cluster:test:fnord-vm";
  private static final String EC2_OWN_TAG = "ec2:cluster:test:fnord-legacy";
  private static final String TITUS = "titus:cluster:test:fnord-container";
  private static final Map<String, Object> PLUGIN_CONFIG = Map.of("costCenters", Map.of("fnord", "cc-1234"));
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());


  private static Path pluginsDirectory(Path dir) throws IOException {
    Files.copy(PluginZips.find("keel-handlers-ec2"), dir.resolve("keel-ec2.zip"));
    Files.copy(PluginZips.find("keel-handlers-titus"), dir.resolve("keel-titus.zip"));
    Files.copy(PluginZips.find("keel-ec2-sim"), dir.resolve("keel-ec2-sim.zip"));
    Files.copy(PluginZips.find("keel-titus-sim"), dir.resolve("keel-titus-sim.zip"));
    Files.copy(PluginZips.find("keel-example-resolver-plugin"), dir.resolve("example-resolvers.zip"));
    return dir;
  }

  private static EngineHarness harness(Path plugins, EngineConfig config, Map<String, Object> pluginConfig) {
    return EngineHarness.builder().config(config)
        .engine(b -> b.plugins(plugins).pluginConfig("dev.keel.example-resolvers", pluginConfig)).build();
  }

  private static EngineConfig config() {
    return EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10))
        .pluginConfigs(PluginZips.simulatedClouds()).build();
  }

  /** Plans on virtual time: the engine's calls run when the harness drives the scheduler. */
  private static Plan plan(EngineHarness harness, DeliveryConfig delivery) {
    harness.runUntilIdle();
    var future = harness.engine().planAsync(delivery);
    harness.runUntilIdle();
    return future.join();
  }

  private static ResolverApplication costCenter(ResourcePlan plan) {
    return plan.resolvers().stream().filter(a -> a.resolver().equals("cost-center-tag")).findFirst()
        .orElseThrow(() -> new AssertionError("cost-center-tag did not run on " + plan.resourceId() + ": "
            + plan.resolvers()));
  }

  /** A tag of the desired per-region model, read as JSON: the test knows none of the plugins' classes. */
  private static String desiredTag(ResourcePlan plan, String tag) {
    JsonNode desired = JSON.valueToTree(plan.desired());
    return desired.path("us-east-1").path("tags").path(tag).asText(null);
  }

  @Test
  void thePlanShowsTheCostCenterTagAddedToClustersOfBothClouds(@TempDir Path dir) throws IOException {
    try (EngineHarness harness = harness(pluginsDirectory(dir), config(), PLUGIN_CONFIG)) {
      assertThat(harness.engine().pluginFailures()).isEmpty();
      assertThatThrownBy(() -> Class.forName("dev.keel.examples.resolver.CostCenterTagResolver"))
          .as("the resolver comes from the zip, not from the test's class path")
          .isInstanceOf(ClassNotFoundException.class);
      DeliveryConfig delivery = harness.engine().configReader().read(CONFIG, "fnord.yml");

      Plan plan = plan(harness, delivery);

      ResourcePlan ec2 = plan.resource(EC2).orElseThrow();
      assertThat(ec2.action()).isEqualTo(PlannedAction.CREATE);
      assertThat(costCenter(ec2).changes()).extracting(Change::path, Change::desired)
          .containsExactly(tuple("/tags", Map.of("costCenter", "cc-1234"))); // the spec had no tags at all
      assertThat(desiredTag(ec2, "costCenter")).isEqualTo("cc-1234");

      ResourcePlan titus = plan.resource(TITUS).orElseThrow();
      assertThat(costCenter(titus).changes()).extracting(Change::path, Change::desired)
          .containsExactly(tuple("/tags/costCenter", "cc-1234"));
      assertThat(desiredTag(titus, "costCenter")).isEqualTo("cc-1234");
      assertThat(desiredTag(titus, "team")).isEqualTo("delivery");

      ResourcePlan ownTag = plan.resource(EC2_OWN_TAG).orElseThrow();
      assertThat(costCenter(ownTag).changes()).isEmpty();
      assertThat(desiredTag(ownTag, "costCenter")).isEqualTo("cc-9999");
    }
  }

  @Test
  void taggedClustersConvergeAndStayInSync(@TempDir Path dir) throws IOException {
    try (EngineHarness harness = harness(pluginsDirectory(dir), config(), PLUGIN_CONFIG)) {
      DeliveryConfig delivery = harness.engine().configReader().read(CONFIG, "fnord.yml");
      harness.engine().submit(delivery);

      boolean converged = harness.advanceUntil(() -> Stream.of(EC2, EC2_OWN_TAG, TITUS)
          .allMatch(id -> harness.status(id) == ResourceStatus.HAPPY), Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(converged).as("statuses: %s", Stream.of(EC2, EC2_OWN_TAG, TITUS)
          .map(id -> id + "=" + harness.status(id)).toList()).isTrue();
      harness.advance(Duration.ofMinutes(10));
      Plan after = plan(harness, delivery);
      assertThat(after.inSync()).isTrue();
      JsonNode current = JSON.valueToTree(after.resource(EC2).orElseThrow().current());
      assertThat(current.path("us-east-1").path("tags").path("costCenter").asText()).isEqualTo("cc-1234");
    }
  }

  @Test
  void anOperatorWhoDisablesTheResolverByNameGetsNoTag(@TempDir Path dir) throws IOException {
    EngineConfig disabled = config().toBuilder().disabledResolvers(Set.of("cost-center-tag")).build();
    try (EngineHarness harness = harness(pluginsDirectory(dir), disabled, PLUGIN_CONFIG)) {
      DeliveryConfig delivery = harness.engine().configReader().read(CONFIG, "fnord.yml");

      ResourcePlan ec2 = plan(harness, delivery).resource(EC2).orElseThrow();

      assertThat(ec2.resolvers()).extracting(ResolverApplication::resolver).doesNotContain("cost-center-tag");
      assertThat(desiredTag(ec2, "costCenter")).isNull();
    }
  }

  @Test
  void aMisconfiguredResolverIsReportedAndTheOtherPluginsStillWork(@TempDir Path dir) throws IOException {
    try (EngineHarness harness = harness(pluginsDirectory(dir), config(), Map.of("costCentres", Map.of()))) {
      assertThat(harness.engine().pluginFailures()).singleElement().satisfies(failure -> {
        assertThat(failure.pluginId()).isEqualTo("dev.keel.example-resolvers");
        assertThat(failure.reason()).contains("CostCenterTagResolver of plugin 'dev.keel.example-resolvers' could not be"
            + " constructed", "Unknown setting 'costCentres' of plugin dev.keel.example-resolvers; known: [costCenters,"
            + " defaultCostCenter, kinds, tag]");
      });
      DeliveryConfig delivery = harness.engine().configReader().read(CONFIG, "fnord.yml");

      ResourcePlan ec2 = plan(harness, delivery).resource(EC2).orElseThrow();

      assertThat(ec2.action()).isEqualTo(PlannedAction.CREATE);
      assertThat(desiredTag(ec2, "costCenter")).isNull();
    }
  }
}
