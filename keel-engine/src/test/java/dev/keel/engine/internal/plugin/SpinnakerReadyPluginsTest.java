package dev.keel.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.engine.plugin.PluginFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What lets one plugin descriptor and one zip serve both this engine and a Spinnaker (kork) service: dotted
 * ids, {@code Plugin-Requires} naming the service, bundles holding one zip per service, and former ids kept
 * as aliases for a release.
 */
class SpinnakerReadyPluginsTest {

  @TempDir Path plugins;
  @TempDir Path work;

  private final Map<String, Map<String, Object>> config = new HashMap<>();

  private PluginLoader.Builder loader() {
    return PluginLoader.builder()
        .pluginsRoot(plugins)
        .includeHostExtensions(false)
        .contextFactory(id -> new TestPlugins.TestContext(id, config.getOrDefault(id, Map.of())));
  }

  @Test
  void aRequirementOnKeelServesThisEngineUnlessOneOnKeelSdkSaysOtherwise() throws Exception {
    TestPlugins.variant(plugins, "dev.keel.for-keel", Map.of("plugin.requires", "keel>=0.0.1"));
    TestPlugins.variant(plugins, "dev.keel.for-both", Map.of("plugin.requires", "keel-sdk>=9.0.0, keel>=0.0.1"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("dev.keel.for-keel");
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("dev.keel.for-both", "requires engine >=9.0.0 but this engine is " + PluginLoader.engineVersion()));
    }
  }

  @Test
  void aKorkBundleLoadsItsKeelZip() throws Exception {
    Path plain = TestPlugins.variant(work, "dev.keel.bundled", Map.of("plugin.requires", "keel>=0.0.1"));
    Path bundle = bundle(plugins.resolve("bundled.zip"), Map.of("keel.zip", plain, "orca.zip", plain));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).isEmpty();
      assertThat(loaded.handlers()).extracting(Loaded::pluginId).containsExactly("dev.keel.bundled");
      assertThat(bundle).exists();
    }
  }

  @Test
  void aBundleForOtherServicesOnlyIsReportedAsSuch() throws Exception {
    Path plain = TestPlugins.variant(work, "dev.keel.orca-only", Map.of());
    Path bundle = bundle(plugins.resolve("orca-only.zip"), Map.of("orca.zip", plain, "gate.zip", plain));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.handlers()).isEmpty();
      assertThat(loaded.failures()).singleElement().satisfies(f -> {
        assertThat(f.path()).isEqualTo(bundle);
        assertThat(f.reason()).contains("is not a readable plugin zip")
            .contains("a plugin bundle without keel.zip or keel-sdk.zip (it holds [gate.zip, orca.zip])");
      });
    }
  }

  @Test
  void configurationGivenUnderAFormerIdStillReachesThePlugin() throws Exception {
    TestPlugins.variant(plugins, "dev.keel.widgets", Map.of("plugin.aliases", "keel-widgets"));
    config.put("keel-widgets", Map.of("quota.limit", "lots"));

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("dev.keel.widgets", "extension dev.keel.testplugin.QuotaConstraintEvaluator of plugin"
              + " 'dev.keel.widgets' could not be constructed: java.lang.IllegalArgumentException: quota.limit must"
              + " be a positive whole number, not 'lots'"));
    }
  }

  @Test
  void configurationUnderTheCurrentIdWinsOverAFormerOne() throws Exception {
    TestPlugins.variant(plugins, "dev.keel.widgets", Map.of("plugin.aliases", "keel-widgets"));
    config.put("keel-widgets", Map.of("quota.limit", "lots"));
    config.put("dev.keel.widgets", Map.of("quota.limit", 3));

    try (PluginLoader loader = loader().build()) {
      assertThat(loader.load().failures()).isEmpty();
    }
  }

  @Test
  void aPluginDisabledOrEnabledByAFormerIdIsSo() throws Exception {
    TestPlugins.variant(plugins, "dev.keel.widgets", Map.of("plugin.aliases", "keel-widgets"));

    try (PluginLoader loader = loader().disabledPlugins(Set.of("keel-widgets")).build()) {
      assertThat(loader.load().handlers()).isEmpty();
    }
    try (PluginLoader loader = loader().enabledPlugins(Set.of("keel-widgets")).build()) {
      assertThat(loader.load().handlers()).extracting(Loaded::pluginId).containsExactly("dev.keel.widgets");
    }
  }

  /** A kork bundle: a zip holding one plugin zip per service, named {@code <service>.zip}. */
  private static Path bundle(Path target, Map<String, Path> services) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      for (var e : new java.util.TreeMap<>(services).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(Files.readAllBytes(e.getValue()));
        out.closeEntry();
      }
    }
    return target;
  }
}
