package dev.keel.engine.internal.check;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import java.util.List;
import java.util.Objects;
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
    recordCheck(events, null);
  }

  /**
   * Records one claimed check's events as {@link #recordCheck(List)} does, each appended only while the check's
   * lease is held.
   *
   * @param events the check's events, in order
   * @param lease the lease of the check's claim, or null to append without one
   * @throws dev.keel.engine.store.LeaseLostException if the lease is lost; the events not yet appended are neither
   *     appended nor published
   */
  public void recordCheck(List<ResourceEvent> events, @Nullable Lease lease) {
    if (repeatsPrevious(events)) {
      return;
    }
    for (ResourceEvent e : events) {
      if (lease == null) {
        store.appendEvent(e);
      } else {
        store.appendEvent(e, lease);
      }
      publish(e);
    }
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

  private boolean repeatsPrevious(List<ResourceEvent> events) {
    if (events.isEmpty() || !events.stream().allMatch(ResourceEvent::isCheckResult)) {
      return false;
    }
    List<KeelEvent> recent = store.history(events.get(0).resourceId(), events.size());
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
