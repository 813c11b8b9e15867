package dev.keel.engine.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that hang, throw or claim names they cannot have are each reported in one line naming the
 * plugin and skipped, while the other plugins load; and no expanded zip outlives its loader. Hangs are
 * cut by a short configured start deadline (one second: short, yet long enough for a healthy plugin's
 * first class loading on a busy machine), so no test waits long.
 */
public class PluginContainmentTest {

  private static final Duration DEADLINE = Duration.ofSeconds(1);

  @TempDir Path plugins;
  @TempDir Path morePlugins;

  /** A spec the host registers a kind for. */
  record Gadget(String id, String application) implements ResourceSpec {}

  private PluginLoader.Builder loader() {
    return PluginLoader.builder()
        .pluginsRoot(plugins)
        .includeHostExtensions(false)
        .startDeadline(DEADLINE)
        .contextFactory(TestPlugins.TestContext::new);
  }

  private static List<String> handlerPlugins(LoadedExtensions loaded) {
    return loaded.handlers().stream().map(Loaded::pluginId).toList();
  }

  @Test
  void aPluginWhoseStartNeverReturnsIsSkippedAtTheStartDeadline() throws Exception {
    Path zip = TestPlugins.variant(plugins, "hanging-start", Map.of("plugin.class", "dev.keel.testplugin.HangingStartPlugin"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).containsExactly(new PluginFailure("hanging-start", zip,
          "failed to start: its constructor or start() did not return within the plugin start deadline of 1000 ms"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void anExtensionWhoseConstructorNeverReturnsIsSkippedAtTheStartDeadline() throws Exception {
    TestPlugins.faulty(plugins, "hanging-constructor", "constructor=hang\n");
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("hanging-constructor", "extension dev.keel.testplugin.FaultyWidgetHandler could not be constructed: "
              + "its constructor did not return within the plugin start deadline of 1000 ms"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aSupportedKindThatThrowsSkipsItsPlugin() throws Exception {
    TestPlugins.faulty(plugins, "throwing-kind", "supportedKind=throw\n");
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("throwing-kind", "extension dev.keel.testplugin.FaultyWidgetHandler: its supportedKind() threw "
              + "java.lang.IllegalStateException: kind registry offline"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
      assertThat(loader.pf4j().started()).extracting(p -> p.getPluginId()).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aSupportedKindOfNullSkipsItsPlugin() throws Exception {
    TestPlugins.faulty(plugins, "null-kind", "supportedKind=null\n");
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("null-kind", "extension dev.keel.testplugin.FaultyWidgetHandler: its supportedKind() returned null"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void twoPluginsOfOneDirectoryClaimingOneKindAreBothSkippedEachNamingTheOther() throws Exception {
    TestPlugins.faulty(plugins, "gadgets-a", "supportedKind=test/gadget@v1\n");
    TestPlugins.faulty(plugins, "gadgets-b", "supportedKind=test/gadget@v1\n");
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      String both = "the resource kind 'test/gadget@v1' is claimed by both "
          + "plugin 'gadgets-a' (dev.keel.testplugin.FaultyWidgetHandler) and "
          + "plugin 'gadgets-b' (dev.keel.testplugin.FaultyWidgetHandler): both are skipped; remove or disable one";
      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason)
          .containsExactly(tuple("gadgets-a", both), tuple("gadgets-b", both));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
      assertThat(loader.pf4j().started()).extracting(p -> p.getPluginId()).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aPluginClaimingAKindAPluginOfAnEarlierDirectoryOwnsIsSkippedAndTheOwnerKeepsIt() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");
    TestPlugins.faulty(morePlugins, "usurper", "supportedKind=" + TestPlugins.WIDGET_KIND + "\n");

    try (PluginLoader loader = loader().pluginsRoot(morePlugins).build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("usurper", "claims the resource kind 'test/widget@v1', which plugin 'keel-test-plugin' "
              + "(dev.keel.testplugin.WidgetHandler) already owns; remove or disable this plugin"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aPluginClaimingAKindTheHostRegistersIsSkipped() throws Exception {
    TestPlugins.copy(plugins, "keel-test-plugin.zip");
    TestPlugins.faulty(plugins, "gadgets", "supportedKind=test/gadget@v1\n");

    try (PluginLoader loader = loader()
        .hostClaims(r -> r.kind(SupportedKind.of("test/gadget@v1", Gadget.class), "the host"))
        .build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).extracting(PluginFailure::pluginId, PluginFailure::reason).containsExactly(
          tuple("gadgets", "claims the resource kind 'test/gadget@v1', which the host already owns; "
              + "remove or disable this plugin"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void aPluginWithoutADescriptorIsOneReportWithoutTheTempPath() throws Exception {
    Path zip = TestPlugins.variant(TestPlugins.pluginZip(), plugins.resolve("no-descriptor.zip"), Map.of(),
        name -> name.equals("plugin.properties"));
    TestPlugins.copy(plugins, "keel-test-plugin.zip");

    try (PluginLoader loader = loader().build()) {
      LoadedExtensions loaded = loader.load();

      assertThat(loaded.failures()).containsExactly(new PluginFailure("no-descriptor", zip, "has no valid plugin "
          + "descriptor (plugin.properties or MANIFEST.MF Plugin-* entries): it holds neither a plugin.properties "
          + "with plugin.id nor a MANIFEST.MF with Plugin-Id"));
      assertThat(handlerPlugins(loaded)).containsExactly(TestPlugins.ID);
    }
  }

  @Test
  void expandedZipsAreRemovedWhenTheLoaderCloses() throws Exception {
    String name = "widgets-" + UUID.randomUUID();
    TestPlugins.copy(plugins, name + ".zip");

    try (PluginLoader loader = loader().build()) {
      loader.load();
      assertThat(expansionsOf(name)).hasSize(1);
    }

    assertThat(expansionsOf(name)).isEmpty();
  }

  /** The directories a zip of this name was expanded into, under any loader's work directory. */
  /**
   * For tests of other packages.
   */
  public static List<Path> expansionsOf(String zipName) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> work = Files.list(tmp)) {
      return work.filter(d -> d.getFileName().toString().startsWith("keel-plugins-") && Files.isDirectory(d))
          .flatMap(d -> {
            try (Stream<Path> inside = Files.list(d)) {
              return inside.filter(p -> p.getFileName().toString().startsWith(zipName + "-")).toList().stream();
            } catch (IOException e) {
              return Stream.empty(); // another process's loader removed it meanwhile
            }
          })
          .toList();
    }
  }
}
