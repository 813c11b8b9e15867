package dev.keel.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.plugin.PluginFailure;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What cloud plugins rely on: ports loaded host-first from their API packages, a plugin that cannot work
 * here reported once with none of its extensions, and simulated clouds offered by simulator plugins to the
 * other plugins' constructors.
 */
class CloudPluginLoadingTest {

  private static final String SIMULATOR = "dev.keel.testplugin.WidgetSimulator";
  private static final String FAULTY = "dev.keel.testplugin.FaultyWidgetHandler";

  @TempDir Path plugins;

  private PluginLoader.Builder loader() {
    return PluginLoader.builder()
        .pluginsRoot(plugins)
        .includeHostExtensions(false)
        .contextFactory(TestPlugins.TestContext::new);
  }

  @Test
  void portApiPackagesComeFromTheHostLikeTheSpi() {
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.ec2.api.Ec2Cloud")).isTrue();
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.titus.api.model.TitusServerGroup")).isTrue();
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.cloud.api.TaskRequest")).isTrue();
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.spi.KeelContext")).isTrue();
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.ec2.handler.Ec2ClusterHandler")).isFalse();
    assertThat(KeelPluginClassLoader.fromHost("dev.keel.ec2.apis.Thing")).isFalse();
    assertThat(KeelPluginClassLoader.fromHost("com.example.api.Thing")).isFalse();
  }

  @Test
  void aMissingPortApiClassIsExplainedAsAJarTheHostProvides() {
    var missing = new NoClassDefFoundError("dev/keel/ec2/api/Ec2Cloud");

    assertThat(KeelPluginClassLoader.missingPortHint(new RuntimeException(missing)))
        .contains("dev.keel.ec2.api.Ec2Cloud belongs to a port API jar the host provides")
        .contains("dev.keel:keel-ec2-api");
    assertThat(KeelPluginClassLoader.missingPortHint(new NoClassDefFoundError("com/example/Thing"))).isEmpty();
  }

  @Test
  void aPluginThatCannotWorkHereIsReportedOnceAndKeepsNoneOfItsExtensions() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");
    Path cloudless = TestPlugins.withExtensions(plugins, "cloudless", Map.of("plugin.requires", "*"),
        FAULTY + "," + TestPlugins.RESOLVER, "constructor=unavailable\nsupportedKind=other/widget@v1\n");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("cloudless");
        assertThat(f.path()).isEqualTo(cloudless);
        assertThat(f.reason()).isEqualTo("the widget factory is closed: open it with factory=open");
      });
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
      assertThat(loaded.resolvers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
      assertThat(loader.pf4j().getPlugin("cloudless")).as("stopped and unloaded").isNull();
    }
  }

  @Test
  void aSimulatorPluginsCloudsReachTheOtherPluginsConstructors() throws Exception {
    // "a-cloud" sorts before "z-simulator": simulators are constructed first whatever the order of plugin ids.
    TestPlugins.withExtensions(plugins, "a-cloud", Map.of("plugin.requires", "*"), FAULTY,
        "constructor=simulated\nsupportedKind=other/widget@v1\n");
    TestPlugins.withExtensions(plugins, "z-simulator", Map.of("plugin.requires", "*"), SIMULATOR, null);

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("a-cloud");
      assertThat(loaded.simulators()).extracting(Loaded::pluginId).containsExactly("z-simulator");
    }
  }

  @Test
  void withoutTheSimulatorPluginTheCloudPluginIsReportedUnavailable() throws Exception {
    TestPlugins.withExtensions(plugins, "a-cloud", Map.of("plugin.requires", "*"), FAULTY,
        "constructor=simulated\nsupportedKind=other/widget@v1\n");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).isEmpty();
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason)
          .containsExactly(org.assertj.core.api.Assertions.tuple("a-cloud",
              "no simulated widget clock: load the widget simulator"));
    }
  }
}
