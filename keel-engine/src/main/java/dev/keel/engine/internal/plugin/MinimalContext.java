package dev.keel.engine.internal.plugin;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context {@link PluginLoader.Builder#clock} gives: a clock and nothing else. */
record MinimalContext(Clock clock, String pluginId) implements KeelContext {

  private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

  @Override
  public Map<String, Object> config() {
    return Map.of();
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return Optional.empty();
  }

  @Override
  public ArtifactView artifacts() {
    return ArtifactView.empty();
  }

  @Override
  public void publish(PluginEvent event) {
    LOG.info("Event from plugin '{}' (no engine attached): {}", pluginId, event);
  }
}
