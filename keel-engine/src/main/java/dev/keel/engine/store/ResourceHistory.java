package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import java.util.List;
import java.util.Optional;

/**
 * The history of resources and applications: resource events kept per resource, application events per
 * application, read together newest first. How much is kept is the store's to say (the in-memory store
 * bounds it by count and age).
 */
public interface ResourceHistory {

  /**
   * Appends an event to history.
   *
   * @param event a resource or application event
   */
  void appendEvent(KeelEvent event);

  /**
   * Appends an event a claimed check of its resource recorded, only while the check's lease is held.
   *
   * @param event the resource's event
   * @param lease the lease of the check's claim
   * @throws LeaseLostException, appending nothing, if the lease is no longer held
   */
  void appendEvent(ResourceEvent event, Lease lease);

  /**
   * A resource's history, with its application's events, newest first.
   *
   * @param id the resource id
   * @param limit the most events to return
   * @return the events
   */
  List<KeelEvent> history(String id, int limit);

  /**
   * The newest event of a resource itself (not of its application).
   *
   * @param id the resource id
   * @return the event, if any
   */
  Optional<ResourceEvent> lastResourceEvent(String id);
}
