package dev.keel.spring.autoconfigure;

import dev.keel.engine.KeelEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the engine the starter built once the application context is refreshed (after the web server is ready to
 * take requests, in the last phase) and closes it first when the context stops. An engine cannot start again once
 * closed, so a stopped context's engine stays stopped. The health indicator reads {@link #isRunning()}.
 */
public final class KeelEngineLifecycle implements SmartLifecycle {

  /** The phase: late to start, early to stop. */
  public static final int PHASE = Integer.MAX_VALUE - 1000;

  private static final Logger LOG = LoggerFactory.getLogger(KeelEngineLifecycle.class);

  private final KeelEngine engine;
  private final boolean autoStart;
  private volatile boolean running;

  /**
   * A lifecycle for an engine.
   *
   * @param engine the engine
   * @param autoStart whether the engine starts with the context ({@code keel.auto-start})
   */
  public KeelEngineLifecycle(KeelEngine engine, boolean autoStart) {
    this.engine = engine;
    this.autoStart = autoStart;
  }

  @Override
  public void start() {
    engine.start();
    running = true;
    LOG.info("Keel engine {} started: {} plugin failure(s)", engine.config().instanceId(),
        engine.pluginFailures().size());
  }

  @Override
  public void stop() {
    running = false;
    engine.close();
    LOG.info("Keel engine {} stopped", engine.config().instanceId());
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isAutoStartup() {
    return autoStart;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
