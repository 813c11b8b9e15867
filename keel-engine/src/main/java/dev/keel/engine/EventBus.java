package dev.keel.engine;

import dev.keel.engine.event.EventStream;
import dev.keel.engine.event.KeelEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to the host's subscribers, isolating one failing subscriber from the rest. */
final class EventBus implements EventStream, Consumer<KeelEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

  private final List<Consumer<? super KeelEvent>> subscribers = new CopyOnWriteArrayList<>();

  @Override
  public Subscription subscribe(Consumer<? super KeelEvent> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  @Override
  public void accept(KeelEvent event) {
    for (Consumer<? super KeelEvent> s : subscribers) {
      try {
        s.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("Event subscriber {} failed on {}", s, event, e);
      }
    }
  }
}
