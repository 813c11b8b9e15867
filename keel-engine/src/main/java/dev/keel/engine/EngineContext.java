package dev.keel.engine;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.SpecCodec;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link KeelContext} the engine gives one plugin's extensions. */
final class EngineContext implements KeelContext {

  private static final SpecCodec CODEC = new dev.keel.engine.config.ConfigSpecCodec();

  private final Clock clock;
  private final Map<String, Object> config;
  private final Map<Class<?>, Object> services;
  private final ArtifactView artifacts;
  private final Consumer<PluginEvent> publisher;

  EngineContext(Clock clock, Map<String, Object> config, Map<Class<?>, Object> services, ArtifactView artifacts,
      Consumer<PluginEvent> publisher) {
    this.clock = clock;
    this.config = Map.copyOf(config);
    this.services = Map.copyOf(services);
    this.artifacts = artifacts;
    this.publisher = publisher;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Map<String, Object> config() {
    return config;
  }

  @Override
  public <T> Optional<T> service(Class<T> type) {
    Object s = services.get(type);
    if (s == null && type == SpecCodec.class) {
      s = CODEC; // the engine's own, unless the host registered another
    }
    return type.isInstance(s) ? Optional.of(type.cast(s)) : Optional.empty();
  }

  @Override
  public ArtifactView artifacts() {
    return artifacts;
  }

  @Override
  public void publish(PluginEvent event) {
    publisher.accept(event);
  }
}
