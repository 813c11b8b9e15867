package dev.keel.korkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.Simulator;
import dev.keel.testkit.PluginZipVariant;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Every plugin zip copied into the plugins root as it is, as an operator installs a plugin by hand, and one more that
 * {@code keel.yml} does not enable.
 */
class KorkLoadsPlainPluginZipsTest extends KorkLoaderContract {

  /** A copy of the EC2 simulator's zip under an id that has no {@code enabled: true}. */
  static final String NOT_ENABLED = "dev.keel.ec2-sim-spare";

  @Override
  void layOut(Path root) throws IOException {
    for (KeelPlugin plugin : KeelPlugin.ALL) {
      PluginsRoot.copyPlain(root, plugin);
    }
    PluginZipVariant.of(PluginsRoot.builtZip(KeelPlugin.EC2_SIM)).id(NOT_ENABLED).writeTo(root.resolve("spare.zip"));
  }

  @Override
  Path expectedPluginPath(Path root, KeelPlugin plugin) {
    String zip = plugin.zip();
    return root.resolve(zip.substring(0, zip.length() - ".zip".length()));
  }

  @Test
  void aPluginWithoutEnabledTrueIsLoadedDisabledAndNeverStarted() {
    PluginWrapper spare = manager.getPlugin(NOT_ENABLED);

    assertThat(spare).isNotNull();
    assertThat(spare.getPluginState()).isEqualTo(PluginState.DISABLED);
    assertThat(manager.getExtensionClasses(Simulator.class, NOT_ENABLED)).as("no extension of a plugin not started")
        .isEmpty();
  }
}
