package dev.keel.engine.internal.check;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.KeelStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the engine's events enter history and reach the host: the checker's results, the
 * task tracker's completions, extensions' events, pauses and overrides all go through it. Check results
 * that only repeat the resource's previous ones are dropped, compared by type and
 * {@link ResourceEvent#repeatKey()}.
 */
public final class EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KeelStore store;
  private final Consumer<? super KeelEvent> publisher;

  /**
   * A recorder over a store.
   *
   * @param store where history is kept
   * @param publisher where recorded events go; a subscriber that throws is logged, never rethrown
   */
  public EventRecorder(KeelStore store, Consumer<? super KeelEvent> publisher) {
    this.store = Objects.requireNonNull(store, "store");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /**
   * Records an event in its resource's history and publishes it, unless it is a check result that repeats
   * the resource's previous event.
   *
   * @param event the event
   */
  public void record(ResourceEvent event) {
    recordCheck(List.of(event));
  }

  /**
   * Records an event in its application's history and publishes it.
   *
   * @param event the event
   */
  public void record(ApplicationEvent event) {
    store.appendEvent(event);
    publish(event);
  }

  /**
   * Records one check's events. Its check results (such as a drift and the veto that held it back) are
   * dropped together when they repeat, one by one, the results the previous check recorded; a check that
   * also has other events records them all.
   *
   * @param events the check's events, in order
   */
  public void recordCheck(List<ResourceEvent> events) {
    if (repeatsPrevious(events, null)) {
      return;
    }
    for (ResourceEvent e : events) {
      store.appendEvent(e);
      publish(e);
    }
  }

  /**
   * The events of one check that are news: all of them, or none when its check results repeat, one by one, those
   * the previous check recorded (as {@link #recordCheck} judges), for a check that records them itself.
   *
   * @param events the check's events, in order
   * @param history the resource's history read at the start of the check, newest first, as long as the check reads it
   *     (read again from the store for a check with more events); the check's lease kept other instances' check
   *     results out of it since
   * @return the events to record
   */
  public List<ResourceEvent> unrepeated(List<ResourceEvent> events, List<KeelEvent> history) {
    return repeatsPrevious(events, history) ? List.of() : events;
  }

  /**
   * Publishes events a check has had recorded in history.
   *
   * @param events the events, in order
   */
  public void published(List<ResourceEvent> events) {
    events.forEach(this::publish);
  }

  /**
   * The newest event of the resource itself in a history.
   *
   * @param history a resource's history, newest first
   * @return its newest resource event; empty if the history holds none (it may be cut short)
   */
  public static Optional<ResourceEvent> lastOwn(List<KeelEvent> history) {
    return history.stream().filter(ResourceEvent.class::isInstance).map(ResourceEvent.class::cast).findFirst();
  }

  /**
   * Publishes an event the store could not record (its failure is what the event reports), so that the host
   * still hears of it.
   *
   * @param event the event
   */
  public void publishUnrecorded(ResourceEvent event) {
    publish(event);
  }

  private boolean repeatsPrevious(List<ResourceEvent> events, @Nullable List<KeelEvent> history) {
    if (events.isEmpty() || !events.stream().allMatch(ResourceEvent::isCheckResult)) {
      return false;
    }
    List<KeelEvent> recent = history != null && events.size() <= ResourceChecker.HISTORY
        ? history.subList(0, Math.min(history.size(), events.size()))
        : store.history(events.get(0).resourceId(), events.size());
    if (recent.size() != events.size()) {
      return false;
    }
    for (int i = 0; i < events.size(); i++) {
      KeelEvent previous = recent.get(events.size() - 1 - i); // history is newest first
      if (!(previous instanceof ResourceEvent p && sameNews(p, events.get(i)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameNews(ResourceEvent a, ResourceEvent b) {
    return a.getClass() == b.getClass() && a.repeatKey().equals(b.repeatKey());
  }

  /**
   * Publishes an event to the host; a subscriber that throws is logged.
   *
   * @param event the event
   */
  private void publish(KeelEvent event) {
    try {
      publisher.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("An event subscriber failed on {}", event, e);
    }
  }
}
