package dev.keel.engine.internal.plugin;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.SpecCodec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context a loaded plugin's extensions get: the host's context for the plugin, plus the simulated clouds
 * the loaded simulators offer, and, for a plugin whose descriptor names former ids ({@code plugin.aliases}),
 * the configuration the host still gives under a former id when it gives none under the current one (with a
 * deprecation warning).
 */
final class PluginContext implements KeelContext {

  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private final KeelContext host;
  private final SimulatedClouds simulated;
  private final Map<String, Object> config;

  /**
   * A plugin's context.
   *
   * @param pluginId the plugin
   * @param aliases the plugin's former ids
   * @param contexts the host's context factory, asked for the plugin and, if need be, its former ids
   * @param simulated the loaded simulators' clouds
   */
  PluginContext(String pluginId, List<String> aliases, Function<String, KeelContext> contexts,
      SimulatedClouds simulated) {
    this.host = contexts.apply(pluginId);
    this.simulated = simulated;
    this.config = configOf(pluginId, aliases, host, contexts);
  }

  private static Map<String, Object> configOf(String pluginId, List<String> aliases, KeelContext host,
      Function<String, KeelContext> contexts) {
    Map<String, Object> own = host.config();
    for (String alias : aliases) {
      Map<String, Object> former = contexts.apply(alias).config();
      if (former == null || former.isEmpty()) {
        continue;
      }
      if (own != null && !own.isEmpty()) {
        log.warn("Plugin '{}' is configured under its id and under its former id '{}'; the latter is ignored",
            pluginId, alias);
        continue;
      }
      log.warn("Plugin id '{}' is deprecated and will stop working in the next release: configure plugin '{}'"
          + " under its new id", alias, pluginId);
      return former;
    }
    return own == null ? Map.of() : own;
  }

  @Override
  public Clock clock() {
    return host.clock();
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return host.service(type);
  }

  @Override
  public <T> Optional<T> simulated(Class<T> type) {
    return simulated.find(type);
  }

  @Override
  public ArtifactView artifacts() {
    return host.artifacts();
  }

  @Override
  public Optional<SpecCodec> specCodec() {
    return host.specCodec();
  }

  @Override
  public void publish(PluginEvent event) {
    host.publish(event);
  }
}
