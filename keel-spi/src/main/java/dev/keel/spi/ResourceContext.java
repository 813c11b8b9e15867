package dev.keel.spi;

import java.time.Clock;
import java.time.Instant;

/**
 * What the engine tells a handler, resolver or veto about the check it is part of.
 */
public interface ResourceContext {

  /**
   * The application of the resource.
   *
   * @return the application
   */
  String application();

  /**
   * The name of the delivery config that holds the resource.
   *
   * @return the delivery config's name
   */
  String deliveryConfig();

  /**
   * The name of the environment that holds the resource.
   *
   * @return the environment's name
   */
  String environment();

  /**
   * When this call must have returned. The engine abandons a call that overruns it and records a time-out;
   * a handler should pass the remaining time on to the cloud calls it makes.
   *
   * @return the deadline
   */
  Instant deadline();

  /**
   * The engine's clock.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Read-only artifact promotion state.
   *
   * @return the view
   */
  ArtifactView artifacts();
}
