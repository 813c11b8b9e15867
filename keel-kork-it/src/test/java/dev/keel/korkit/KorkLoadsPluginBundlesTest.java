package dev.keel.korkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every plugin zip inside a kork bundle, as {@code keel.zip} beside an {@code orca.zip}: the form Spinnaker's
 * plugin repositories serve and kork downloads.
 */
class KorkLoadsPluginBundlesTest extends KorkLoaderContract {

  @Override
  void layOut(Path root) throws IOException {
    for (KeelPlugin plugin : KeelPlugin.ALL) {
      PluginsRoot.writeBundle(root, plugin);
    }
  }

  @Override
  Path expectedPluginPath(Path root, KeelPlugin plugin) {
    return root.resolve(plugin.id() + "-bundle").resolve(KeelService.NAME);
  }

  @Test
  void korkExpandsOnlyTheBundlesKeelZip() {
    for (KeelPlugin plugin : KeelPlugin.ALL) {
      Path expanded = root.resolve(plugin.id() + "-bundle");
      assertThat(expanded.resolve(KeelService.NAME)).isDirectory();
      assertThat(expanded.resolve("orca")).as("the other service's part of the bundle").doesNotExist();
    }
    assertThat(manager.getPlugin("not-for-keel")).isNull();
  }
}
