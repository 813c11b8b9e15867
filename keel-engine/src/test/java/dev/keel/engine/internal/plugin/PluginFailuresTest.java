package dev.keel.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.config.RegistrationConflictException;
import dev.keel.engine.plugin.PluginFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins are reported with their id and reason and skipped, while the rest load. Every variant
 * is a real zip (or jar) loaded by PF4J in its own class loader.
 */
class PluginFailuresTest {

  @TempDir Path plugins;

  private final Map<String, Map<String, Object>> config = new HashMap<>();

  private PluginLoader.Builder loader() {
    return PluginLoader.builder()
        .pluginsRoot(plugins)
        .includeHostExtensions(false)
        .contextFactory(id -> new TestPlugins.TestContext(id, config.getOrDefault(id, Map.of())));
  }

  @Test
  void aPluginRequiringANewerEngineIsReportedAndTheOthersLoad() throws Exception {
    Path future = TestPlugins.variant(plugins, "future-widgets", Map.of("plugin.requires", ">=9.0.0"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).containsExactly(new PluginFailure("future-widgets", future,
          "requires engine >=9.0.0 but this engine is " + PluginLoader.engineVersion()));
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aBareVersionInPluginRequiresMeansThatVersionOrNewer() throws Exception {
    TestPlugins.variant(plugins, "old-enough", Map.of("plugin.requires", "0.0.1"));
    TestPlugins.variant(plugins, "too-new", Map.of("plugin.requires", "9.0.0"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("old-enough");
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("too-new",
              "requires engine >=9.0.0 but this engine is " + PluginLoader.engineVersion()));
    }
  }

  @Test
  void theSystemVersionCanBeSetByTheHost() throws Exception {
    TestPlugins.variant(plugins, "future-widgets", Map.of("plugin.requires", ">=9.0.0"));

    try (PluginLoader loader = loader().systemVersion("9.1.0").build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("future-widgets");
    }
  }

  @Test
  void anUnreadablePluginRequiresIsReported() throws Exception {
    TestPlugins.variant(plugins, "odd-widgets", Map.of("plugin.requires", ">=one.two"));

    try (PluginLoader loader = loader().build()) {
      assertThat(loader.load().failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("odd-widgets");
        assertThat(f.reason()).startsWith("its Plugin-Requires '>=one.two' is not a version expression");
      });
    }
  }

  @Test
  void spinnakerStylePluginRequiresIsCheckedOnItsKeelEntry() throws Exception {
    TestPlugins.variant(plugins, "for-keel-and-orca", Map.of("plugin.requires", "keel>=0.0.1, orca>=2.0.0"));
    TestPlugins.variant(plugins, "for-future-keel", Map.of("plugin.requires", "orca>=0.0.1,keel>=9.0.0"));
    TestPlugins.variant(plugins, "for-orca", Map.of("plugin.requires", "orca>=2.0.0"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("for-keel-and-orca");
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("for-future-keel", "requires engine >=9.0.0 but this engine is " + PluginLoader.engineVersion()),
          tuple("for-orca", "its Plugin-Requires 'orca>=2.0.0' names no requirement for keel-sdk or keel: "
              + "it is a plugin for another service"));
    }
  }

  @Test
  void aCorruptZipIsReportedUnderItsFileNameAndTheOthersLoad() throws Exception {
    Path broken = TestPlugins.truncated(plugins, "broken-widgets.zip");
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("broken-widgets");
        assertThat(f.path()).isEqualTo(broken);
        assertThat(f.reason()).startsWith("is not a readable plugin zip: java.util.zip.ZipException");
      });
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aZipWithoutADescriptorIsReported() throws Exception {
    TestPlugins.variant(TestPlugins.pluginZip(), plugins.resolve("no-descriptor.zip"), Map.of(),
        name -> name.equals("plugin.properties"));

    try (PluginLoader loader = loader().build()) {
      assertThat(loader.load().failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("no-descriptor");
        assertThat(f.reason()).startsWith("has no valid plugin descriptor");
      });
    }
  }

  @Test
  void aZipEntryPointingOutsideThePluginIsRejected() throws Exception {
    Path zip = plugins.resolve("slip.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("../../escaped.txt"));
      out.write(1);
      out.closeEntry();
    }

    try (PluginLoader loader = loader().build()) {
      assertThat(loader.load().failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo("slip");
        assertThat(f.reason()).contains("its entry '../../escaped.txt' points outside the plugin");
      });
    }
  }

  @Test
  void anExtensionWhoseConstructorThrowsIsReportedAndItsSiblingsLoad() throws Exception {
    Path zip = TestPlugins.copy(plugins, "keel-test-plugin.zip");
    TestPlugins.withExtensions(plugins, "other-widgets", Map.of("plugin.requires", "*"),
        "dev.keel.testplugin.QuotaConstraintEvaluator," + TestPlugins.RESOLVER, null);
    config.put(TestPlugins.ID, Map.of("quota.limit", "lots"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo(TestPlugins.ID);
        assertThat(f.path()).as("the user's zip, not the directory it was expanded into").isEqualTo(zip);
        assertThat(f.reason()).isEqualTo("extension dev.keel.testplugin.QuotaConstraintEvaluator of plugin '"
            + TestPlugins.ID + "' could not be constructed: java.lang.IllegalArgumentException: "
            + "quota.limit must be a positive whole number, not 'lots'");
      });
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
      assertThat(loaded.resolvers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID, "other-widgets");
      assertThat(loaded.constraintEvaluators()).extracting(Loaded::pluginId).containsExactly("other-widgets");
    }
  }

  @Test
  void twoPluginsClaimingOneKindAndOneConstraintTypeAreBothSkippedNamingBoth() throws Exception {
    TestPlugins.variant(plugins, "widgets-a", Map.of());
    TestPlugins.variant(plugins, "widgets-b", Map.of());

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).isEmpty();
      assertThat(loaded.constraintEvaluators()).isEmpty();
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId).containsExactly("widgets-a", "widgets-b");
      assertThat(loaded.failures()).allSatisfy(f -> assertThat(f.reason())
          .contains("is claimed by both plugin 'widgets-a' (dev.keel.testplugin.")
          .contains("and plugin 'widgets-b' (dev.keel.testplugin.")
          .endsWith("both are skipped; remove or disable one"));
    }
  }

  @Test
  void aPluginThatFailsToStartIsReportedWithTheCause() throws Exception {
    Path zip = TestPlugins.variant(plugins, "failing-start",
        Map.of("plugin.class", "dev.keel.testplugin.FailingStartPlugin"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::path).containsExactly(zip);
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("failing-start",
              "failed to start: java.lang.IllegalStateException: widget backend unreachable"));
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aMissingPluginClassIsReported() throws Exception {
    TestPlugins.variant(plugins, "no-class", Map.of("plugin.class", "dev.keel.testplugin.Missing"));

    try (PluginLoader loader = loader().build()) {
      assertThat(loader.load().failures()).singleElement().satisfies(f -> assertThat(f.reason())
          .startsWith("failed to start: its plugin class dev.keel.testplugin.Missing cannot be loaded"));
    }
  }

  @Test
  void aPluginWithAMissingDependencyIsReported() throws Exception {
    TestPlugins.variant(plugins, "needy", Map.of("plugin.dependencies", "absent-plugin"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("needy",
              "depends on plugin 'absent-plugin', which is not installed or failed to load"));
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aPluginDependingOnADisabledOneIsReportedAndOnAPresentOneLoads() throws Exception {
    // Only resolvers, which claim no name, so that the copies do not conflict.
    TestPlugins.withExtensions(plugins, "base", Map.of(), TestPlugins.RESOLVER, null);
    TestPlugins.withExtensions(plugins, "needs-base", Map.of("plugin.dependencies", "base"), TestPlugins.RESOLVER, null);
    TestPlugins.withExtensions(plugins, "needs-base-2", Map.of("plugin.dependencies", "base@>=5.0.0"),
        TestPlugins.RESOLVER, null);

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.resolvers()).extracting(Loaded::pluginId).containsExactly("base", "needs-base");
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("needs-base-2",
              "depends on plugin 'base' >=5.0.0 but 'base' is 0.1.0-SNAPSHOT"));
    }
    try (PluginLoader loader = loader().disabledPlugins(Set.of("base")).build()) {
      assertThat(loader.load().failures()).extracting(PluginFailure::pluginId, PluginFailure::reason)
          .contains(tuple("needs-base", "depends on plugin 'base', which is disabled"));
    }
  }

  @Test
  void aPluginDependingOnOneThatFailsToStartIsSkippedToo() throws Exception {
    TestPlugins.variant(plugins, "base", Map.of("plugin.class", "dev.keel.testplugin.FailingStartPlugin"));
    TestPlugins.variant(plugins, "needs-base", Map.of("plugin.dependencies", "base"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      // PF4J 3.10 starts the dependent and the loader stops it; 3.15 refuses to start it: either way it is out.
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId).containsExactlyInAnyOrder("base", "needs-base");
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void pluginsThatDependOnEachOtherAreReportedAsACycle() throws Exception {
    TestPlugins.variant(plugins, "chicken", Map.of("plugin.dependencies", "egg"));
    TestPlugins.variant(plugins, "egg", Map.of("plugin.dependencies", "chicken"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("chicken", "its plugin dependencies form a cycle"),
          tuple("egg", "its plugin dependencies form a cycle"));
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aPluginWithoutExtensionsIsReportedAndDoesNotInheritTheHostsIndex() throws Exception {
    TestPlugins.variant(TestPlugins.pluginZip(), plugins.resolve("empty.zip"), Map.of("plugin.id", "empty"),
        name -> name.endsWith("extensions.idx"));

    try (PluginLoader loader = loader().includeHostExtensions(true).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("empty", "plugin empty has no extensions: was the PF4J annotation "
              + "processor run? (META-INF/extensions.idx is missing or empty)"));
      assertThat(loaded.vetoes()).extracting(Loaded::pluginId).containsExactly(Loaded.HOST);
    }
  }

  @Test
  void twoFilesWithOnePluginIdAreReported() throws Exception {
    TestPlugins.copy(plugins, "a.zip");
    TestPlugins.copy(plugins, "b.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).hasSize(1);
      assertThat(loaded.failures()).singleElement().satisfies(f -> {
        assertThat(f.pluginId()).isEqualTo(TestPlugins.ID);
        assertThat(f.path()).isEqualTo(plugins.resolve("b.zip"));
        assertThat(f.reason()).isEqualTo("has the same plugin id as " + plugins.resolve("a.zip")
            + ", which is already loaded");
      });
    }
  }

  @Test
  void aMissingPluginsRootIsAnError() {
    try (PluginLoader loader = loader().pluginsRoot(plugins.resolve("nope")).build()) {
      assertThatThrownBy(loader::load).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nope is not a directory");
    }
  }
}
