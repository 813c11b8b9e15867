package dev.keel.korkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.netflix.spinnaker.kork.plugins.SpinnakerPluginManager;
import com.netflix.spinnaker.kork.plugins.config.ConfigResolver;
import com.netflix.spinnaker.kork.plugins.config.PluginConfigCoordinates;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.KeelEngineBuilder;
import dev.keel.spi.model.ResourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * kork starts our plugins but never builds their extensions: they implement {@code keel-spi}, not Keel's
 * {@code keel-api}, and take a {@code KeelContext}. What a host does is hand the configuration kork resolves for each
 * plugin it enabled to our engine, which builds the extensions with it. This test does that, in the same JVM as the
 * kork service, and shows the configuration reaches the plugins: the cloud plugins register their kinds only because
 * their {@code simulated: true} arrived. The engine is given the same zips as kork bundles, which it reads too.
 */
class KorkConfigurationReachesOurEngineTest {

  @Test
  void theConfigurationKorkResolvesForEachEnabledPluginIsWhatOurEnginesPluginsAccept(@TempDir Path korkRoot,
      @TempDir Path engineRoot) throws IOException {
    for (KeelPlugin plugin : KeelPlugin.ALL) {
      PluginsRoot.copyPlain(korkRoot, plugin);
      PluginsRoot.writeBundle(engineRoot, plugin); // our engine reads a kork bundle's keel.zip too
    }
    try (ConfigurableApplicationContext service = KeelService.start(korkRoot)) {
      KeelEngineBuilder builder = KeelEngine.builder().plugins(engineRoot);
      ConfigResolver kork = service.getBean(ConfigResolver.class);
      for (PluginWrapper plugin : service.getBean(SpinnakerPluginManager.class).getStartedPlugins()) {
        String id = plugin.getPluginId();
        builder.pluginConfig(id, kork.resolve(new PluginConfigCoordinates(id, ""),
            new TypeReference<HashMap<String, Object>>() {}));
      }

      try (KeelEngine engine = builder.build()) {
        assertThat(engine.pluginFailures()).isEmpty();
        assertThat(engine.registry().kinds())
            .contains(ResourceKind.parse("ec2/cluster@v1.1"), ResourceKind.parse("titus/cluster@v1"));
      }
    }
    try (var left = Files.list(engineRoot)) {
      assertThat(left).as("our engine expands zips elsewhere").allSatisfy(p -> assertThat(p.toString()).endsWith(".zip"));
    }
  }
}
