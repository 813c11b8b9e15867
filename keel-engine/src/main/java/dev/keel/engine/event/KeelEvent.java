package dev.keel.engine.event;

import java.time.Instant;

/**
 * Anything the engine records and publishes: a {@link ResourceEvent} or an {@link ApplicationEvent}, which
 * form histories, or a {@link PromotionEvent}, which is only published.
 */
public sealed interface KeelEvent permits ResourceEvent, ApplicationEvent, PromotionEvent {

  /**
   * The application concerned.
   *
   * @return the application
   */
  String application();

  /**
   * When it happened, on the engine's clock.
   *
   * @return the time
   */
  Instant at();

  /**
   * A one-line description for people.
   *
   * @return the message
   */
  String message();
}
