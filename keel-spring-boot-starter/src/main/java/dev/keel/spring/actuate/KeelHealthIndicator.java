package dev.keel.spring.actuate;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spring.autoconfigure.KeelEngineLifecycle;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.annotation.Nullable;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The engine's health: DOWN when the engine the starter runs is not running or the store cannot be read; UP
 * otherwise. Details: whether it runs, the resources managed, and the plugins that failed to load (with why), which
 * leave the engine UP but are listed for the operator.
 */
final class KeelHealthIndicator extends AbstractHealthIndicator {

  private final KeelEngine engine;
  @Nullable private final KeelEngineLifecycle lifecycle;

  KeelHealthIndicator(KeelEngine engine, @Nullable KeelEngineLifecycle lifecycle) {
    super("Keel health check failed");
    this.engine = engine;
    this.lifecycle = lifecycle;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Map<String, String> failed = new LinkedHashMap<>();
    for (PluginFailure f : engine.pluginFailures()) {
      failed.put(f.pluginId(), f.reason());
    }
    builder.withDetail("instanceId", engine.config().instanceId());
    builder.withDetail("pluginsFailed", failed);
    boolean running = lifecycle == null || lifecycle.isRunning();
    builder.withDetail("running", lifecycle == null ? "managed by the host" : running);
    int resources;
    try {
      resources = engine.resources().size();
    } catch (RuntimeException e) {
      builder.down().withDetail("store", "unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return;
    }
    builder.withDetail("store", "reachable");
    builder.withDetail("resources", resources);
    if (running) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
