package dev.keel.engine.event;

import java.util.function.Consumer;

/**
 * The engine's events, for the host. Subscribers are called on engine threads, in the order events are
 * recorded for one resource; a subscriber that throws is logged and the others still run.
 */
public interface EventStream {

  /**
   * Subscribes to every recorded event.
   *
   * @param subscriber called with each event; should return quickly
   * @return the subscription, to close when no longer wanted
   */
  Subscription subscribe(Consumer<? super KeelEvent> subscriber);

  /** A subscription; closing it stops its deliveries. */
  interface Subscription extends AutoCloseable {
    /** Stops deliveries to this subscriber. */
    @Override
    void close();
  }
}
