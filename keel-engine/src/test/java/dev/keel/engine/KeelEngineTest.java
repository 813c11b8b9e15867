package dev.keel.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.store.ConfigConflictException;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine assembled from real plugin zips, and its all-or-nothing submission. */
class KeelEngineTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private static Path pluginZip() throws IOException {
    Path dir = Path.of(System.getProperty("keel.testPlugins", "target/test-plugins"));
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith("-plugin.zip")).findFirst().orElseThrow();
    }
  }

  private static final String WIDGETS = """
      application: fnord
      environments:
      - name: test
        resources:
        - kind: test/widget@v1
          spec: {id: w1, application: fnord}
      """;

  @Test
  void pluginExtensionsLoadedFromAZipServeTheEngineAndShowInAPlan(@TempDir Path plugins) throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));
    Files.writeString(plugins.resolve("broken.zip"), "not a zip");

    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).plugins(plugins).build()) {
      assertThat(engine.registry().kinds()).contains(ResourceKind.parse("test/widget@v1"));
      assertThat(engine.pluginFailures()).singleElement()
          .satisfies(f -> assertThat(f.reason()).isNotBlank());

      Plan plan = engine.plan(engine.configReader().read(WIDGETS, "widgets.yml"));

      ResourcePlan widget = plan.resource("test:widget:w1").orElseThrow();
      assertThat(widget.action()).isEqualTo(PlannedAction.CREATE);
      assertThat(widget.resolvers()).singleElement().satisfies(r -> {
        assertThat(r.resolver()).isEqualTo("widget-colour");
        assertThat(r.changes()).singleElement().satisfies(c -> assertThat(c.path()).isEqualTo("/colour"));
      });
      assertThat(widget.desired().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    }
  }

  @Test
  void aDisabledPluginIsNotLoaded(@TempDir Path plugins) throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));

    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).plugins(plugins)
        .disabledPlugins(java.util.Set.of("keel-test-plugin")).build()) {
      assertThat(engine.registry().kinds()).isEmpty();
      assertThatThrownBy(() -> engine.submit(WIDGETS, "widgets.yml")).isInstanceOf(ConfigException.class)
          .hasMessageContaining("Unknown resource kind test/widget@v1");
    }
  }

  @Test
  void aPluginReadsItsConfigurationFromEngineConfigByPluginIdUnlessTheBuilderGivesOne(@TempDir Path plugins)
      throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));
    EngineConfig config = EngineConfig.builder()
        .pluginConfigs(Map.of("keel-test-plugin", Map.of("quota.limit", "lots"))).build();

    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).config(config).plugins(plugins).build()) {
      assertThat(engine.pluginFailures()).singleElement()
          .satisfies(f -> assertThat(f.reason()).endsWith("quota.limit must be a positive whole number, not 'lots'"));
    }
    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).config(config).plugins(plugins)
        .pluginConfig("keel-test-plugin", Map.of("quota.limit", 2)).build()) {
      assertThat(engine.pluginFailures()).isEmpty();
    }
    assertThat(config.toBuilder().build().pluginConfig("keel-test-plugin")).containsEntry("quota.limit", "lots");
  }

  @Test
  void anInvalidConfigLeavesTheStoreExactlyAsItWas(@TempDir Path plugins) throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));
    InMemoryStore store = new InMemoryStore();
    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).store(store).plugins(plugins).build()) {
      engine.submit(WIDGETS, "widgets.yml");

      assertThatThrownBy(() -> engine.submit(WIDGETS.replace("w1", "w2") + "  - kind: test/widget@v2\n    spec: {}\n",
          "bad.yml")).isInstanceOf(ConfigException.class);
      assertThatThrownBy(() -> engine.submit(WIDGETS.replace("application: fnord\n", "application: other\n"),
          "other.yml")).isInstanceOf(ConfigConflictException.class).hasMessageContaining("already managed");

      assertThat(store.resources()).extracting(r -> r.id()).containsExactly("test:widget:w1");
      assertThat(store.deliveryConfigs()).extracting(c -> c.application()).containsExactly("fnord");
    }
  }

  @Test
  void closeStopsEveryThreadTheEngineStarted(@TempDir Path plugins) throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));
    KeelEngine engine = KeelEngine.builder().config(EngineConfig.builder().instanceId("closing-test").build())
        .plugins(plugins).build();
    assertThat(threadsNamed("keel-closing-test")).as("no thread before start()").isZero();
    engine.submit(WIDGETS, "widgets.yml");
    engine.start();
    engine.plan(engine.configReader().read(WIDGETS, "widgets.yml"));

    engine.close();

    assertThat(threadsNamed("keel-closing-test")).isZero();
  }

  /**
   * The live threads with a name prefix. A pool thread may still be finishing its exit right after its
   * executor reports termination, so each is given a bounded moment to end before it counts as alive.
   */
  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix))
        .filter(t -> {
          try {
            t.join(5_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return t.isAlive();
        }).count();
  }

  private static final String WIDGET_RUNNING_FNORD = """
      application: fnord
      artifacts:
      - {type: deb, name: fnord}
      environments:
      - name: test
        resources:
        - kind: test/widget@v1
          spec: {id: w1, application: fnord, artifactReference: fnord}
      """;

  @Test
  void aPluginsContextReadsTheVersionTheEngineApprovedForAnEnvironment(@TempDir Path plugins) throws IOException {
    Files.copy(pluginZip(), plugins.resolve("widgets.zip"));
    try (KeelEngine engine = KeelEngine.builder().clock(CLOCK).plugins(plugins).build()) {
      engine.submit(WIDGET_RUNNING_FNORD, "widgets.yml");
      engine.promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-1.2.0-h4.abcdef1", CLOCK.instant(),
          "main", Map.of()));
      engine.promotions().check("fnord");

      // The plugin's handler asks the artifact view of the KeelContext it was constructed with.
      ResourcePlan widget = engine.plan(engine.configReader().read(WIDGET_RUNNING_FNORD, "widgets.yml"))
          .resource("test:widget:w1").orElseThrow();

      assertThat(widget.diff().changes())
          .filteredOn(c -> c.path().equals("/artifactVersion"))
          .singleElement().satisfies(c -> assertThat(c.desired()).isEqualTo("fnord-1.2.0-h4.abcdef1"));
    }
  }
}
