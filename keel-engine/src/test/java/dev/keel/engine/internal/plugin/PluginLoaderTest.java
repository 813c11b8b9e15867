package dev.keel.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.config.KindRegistry;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Resolver;
import dev.keel.spi.model.ResourceKind;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;
import org.slf4j.Logger;

/** Loading the real test plugin zip, and host extensions, through {@link PluginLoader}. */
class PluginLoaderTest {

  @TempDir Path plugins;

  private final List<String> contextsAskedFor = new ArrayList<>();

  private PluginLoader.Builder loader() {
    return PluginLoader.builder().pluginsRoot(plugins).contextFactory(id -> {
      contextsAskedFor.add(id);
      return new TestPlugins.TestContext(id);
    });
  }

  @Test
  void loadsTheBuiltPluginZipInItsOwnPluginClassLoader() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).singleElement().satisfies(h -> {
        assertThat(h.pluginId()).isEqualTo(TestPlugins.ID);
        assertThat(h.extension().getClass().getName()).isEqualTo("dev.keel.testplugin.WidgetHandler");
        assertThat(h.extension().supportedKind().kind()).isEqualTo(ResourceKind.parse(TestPlugins.WIDGET_KIND));
        ClassLoader pluginLoader = h.extension().getClass().getClassLoader();
        assertThat(pluginLoader).isInstanceOf(PluginClassLoader.class).isNotSameAs(getClass().getClassLoader());
      });
      assertThat(loaded.resolvers()).extracting(l -> l.extension().name()).containsExactly("widget-colour");
      assertThat(loaded.constraintEvaluators()).extracting(l -> l.extension().type()).containsExactly("quota");
      assertThat(loaded.specMigrators()).isEmpty();
    }
  }

  @Test
  void givesExtensionsThatAskForItTheirPluginsContextAndConstructsEachOnce() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().includeHostExtensions(false).build()) {
      LoadedExtensions loaded = loader.load();

      ResourceHandler<?, ?> handler = loaded.handlers().get(0).extension();
      KeelContext given = (KeelContext) handler.getClass().getMethod("context").invoke(handler);
      // The host's context for the plugin, wrapped to add the simulated clouds and former ids' configuration.
      assertThat(given.clock()).isEqualTo(TestPlugins.CLOCK);
      assertThat(given.config()).isEmpty();
      assertThat(given.simulated(java.time.Clock.class)).isEmpty();
      // Two extensions take a context (handler, quota evaluator); the plugin's context is made once.
      assertThat(contextsAskedFor).containsExactly(TestPlugins.ID);
      ConstraintEvaluator<?> quota = loaded.constraintEvaluators().get(0).extension();
      assertThat(quota.getClass().getMethod("limit").invoke(quota)).isEqualTo(10);
    }
  }

  @Test
  void pf4jHandsOutTheSameExtensionInstancesAsTheLoad() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      List<?> again = loader.pf4j().getExtensions(ResourceHandler.class, TestPlugins.ID);
      assertThat(again).singleElement().isSameAs(loaded.handlers().get(0).extension());
      assertThat(loader.pf4j().getExtensions(ResourceHandler.class, TestPlugins.ID).get(0)).isSameAs(again.get(0));
    }
  }

  @Test
  void extensionsShareTheHostsSpiTypes() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      Resolver<?> resolver = loader.load().resolvers().get(0).extension();

      ClassLoader pluginLoader = resolver.getClass().getClassLoader();
      assertThat(Arrays.asList(resolver.getClass().getInterfaces())).contains(Resolver.class);
      assertThat(pluginLoader.loadClass(KeelContext.class.getName())).isSameAs(KeelContext.class);
      assertThat(pluginLoader.loadClass(PluginClassLoader.class.getName())).isSameAs(PluginClassLoader.class);
      assertThat(pluginLoader.loadClass(Logger.class.getName())).isSameAs(Logger.class);
    }
  }

  @Test
  void aPluginThatBundlesItsOwnKeelSpiStillGetsTheHostsClasses() throws Exception {
    Path zip = TestPlugins.bundledSpiZip();
    assertThat(TestPlugins.entryText(zip, "lib/keel-spi-0.1.0-SNAPSHOT.jar")).isNotNull();
    Files.copy(zip, plugins.resolve("bundled.zip"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      ResourceHandler<?, ?> handler = loaded.handlers().get(0).extension();
      URLClassLoader pluginLoader = (URLClassLoader) handler.getClass().getClassLoader();
      assertThat(Arrays.stream(pluginLoader.getURLs()).map(URL::getPath))
          .anyMatch(p -> p.endsWith("/lib/keel-spi-0.1.0-SNAPSHOT.jar"));
      assertThat(pluginLoader.loadClass(ResourceHandler.class.getName())).isSameAs(ResourceHandler.class);
      assertThat(Arrays.asList(handler.getClass().getInterfaces())).contains(ResourceHandler.class);
    }
  }

  @Test
  void loadsAJarPluginDescribedByItsManifest() throws Exception {
    TestPlugins.asJar(plugins, "jar-widgets");

    try (PluginLoader loader = loader().includeHostExtensions(false).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("jar-widgets");
      assertThat(loaded.handlers().get(0).extension().getClass().getClassLoader())
          .isInstanceOf(PluginClassLoader.class);
    }
  }

  @Test
  void loadsAnExpandedPluginDirectory() throws Exception {
    Path dir = PluginArchives.expand(TestPlugins.pluginZip(), plugins);

    try (PluginLoader loader = loader().includeHostExtensions(false).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
    assertThat(dir.resolve("plugin.properties")).as("a directory plugin is the user's: left in place").exists();
  }

  @Test
  void loadsExtensionsListedOnTheHostClasspathAsPluginHost() {
    try (PluginLoader loader = PluginLoader.builder().clock(TestPlugins.CLOCK).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.vetoes()).singleElement().satisfies(v -> {
        assertThat(v.pluginId()).isEqualTo(Loaded.HOST);
        assertThat(v.extension()).isInstanceOf(HostVeto.class);
        assertThat(v.owner()).isEqualTo("the host classpath (" + HostVeto.class.getName() + ")");
      });
      assertThat(loaded.handlers()).isEmpty();
      assertThat(loaded.failures()).isEmpty();
    }
  }

  @Test
  void readsHostExtensionsThroughTheGivenHostClassLoader() throws Exception {
    Path index = Files.createDirectories(plugins.resolve("host/META-INF")).resolve("extensions.idx");
    Files.writeString(index, "# written by the test\n" + UnindexedHostVeto.class.getName() + "\n");

    try (URLClassLoader host = new URLClassLoader(new URL[] {plugins.resolve("host").toUri().toURL()},
            getClass().getClassLoader());
        PluginLoader loader = PluginLoader.builder().clock(TestPlugins.CLOCK).hostClassLoader(host).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.vetoes()).extracting(v -> v.extension().name())
          .containsExactly("host-veto", "unindexed-host-veto");
    }
  }

  @Test
  void leavesHostExtensionsOutWhenAskedTo() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().includeHostExtensions(false).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.vetoes()).isEmpty();
      assertThat(loaded.handlers()).hasSize(1);
    }
  }

  @Test
  void registersKindsAndConstraintTypesUnderPluginAndClass() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      KindRegistry registry = loader.load().registerInto(KindRegistry.builder()).build();

      assertThat(registry.kinds()).contains(ResourceKind.parse(TestPlugins.WIDGET_KIND));
      assertThat(registry.kind(ResourceKind.parse(TestPlugins.WIDGET_KIND)).orElseThrow().specClass().getName())
          .isEqualTo("dev.keel.testplugin.WidgetSpec");
      assertThat(registry.constraintTypes()).contains("quota", "depends-on");
    }
  }

  @Test
  void disabledPluginsAreNotLoaded() throws Exception {
    TestPlugins.variant(plugins, "widgets-a", Map.of());
    TestPlugins.variant(plugins, "widgets-b", Map.of());

    try (PluginLoader loader = loader().disabledPlugins(Set.of("widgets-a")).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("widgets-b");
      assertThat(loaded.failures()).isEmpty();
    }
  }

  @Test
  void anAllowListLoadsOnlyTheNamedPlugins() throws Exception {
    TestPlugins.variant(plugins, "widgets-a", Map.of());
    TestPlugins.variant(plugins, "widgets-b", Map.of());
    TestPlugins.variant(plugins, "widgets-c", Map.of());

    try (PluginLoader loader = loader()
        .enabledPlugins(Set.of("widgets-a", "widgets-c"))
        .disabledPlugins(Set.of("widgets-c"))
        .build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("widgets-a");
    }
  }

  @Test
  void closingStopsThePluginsAndClosesTheirClassLoaders() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");
    PluginLoader loader = loader().build();
    ClassLoader pluginLoader = loader.load().handlers().get(0).extension().getClass().getClassLoader();

    loader.close();
    loader.close();

    assertThatThrownBy(() -> pluginLoader.loadClass("dev.keel.testplugin.FailingStartPlugin"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(loader::load).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void loadRunsOnce() {
    try (PluginLoader loader = PluginLoader.builder().clock(TestPlugins.CLOCK).build()) {
      loader.load();
      assertThatThrownBy(loader::load).isInstanceOf(IllegalStateException.class).hasMessageContaining("once");
    }
  }

  @Test
  void aContextFactoryOrAClockIsRequired() {
    assertThatThrownBy(() -> PluginLoader.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contextFactory")
        .hasMessageContaining("clock");
  }

  @Test
  void theEngineVersionComesFromTheBuildAndIsNeverPf4jsDefault() {
    assertThat(PluginLoader.engineVersion()).matches("\\d+\\.\\d+\\.\\d+").isNotEqualTo("0.0.0");
    assertThat(EngineVersion.build()).startsWith(PluginLoader.engineVersion());
  }

  @Test
  void theBuiltPluginZipHasAnExtensionIndex() throws Exception {
    String index = TestPlugins.entryText(TestPlugins.pluginZip(), "classes/META-INF/extensions.idx");

    assertThat(index).isNotNull().contains("dev.keel.testplugin.WidgetHandler",
        "dev.keel.testplugin.WidgetColourResolver", "dev.keel.testplugin.QuotaConstraintEvaluator");
  }

  @Test
  void aSystemVersionThatIsNotSemanticIsRejected() {
    assertThatThrownBy(() -> PluginLoader.builder().clock(TestPlugins.CLOCK).systemVersion("one").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'one' is not a semantic version");
  }
}
