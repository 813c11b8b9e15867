package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a check of a resource reads before it starts, as {@link KeelStore#checkInputs} returns it in one call.
 *
 * @param resource the resource
 * @param state its state (the initial state if none was saved)
 * @param paused whether the resource or its application is paused
 * @param tasksRunning whether a task launched for it is still running, by the store's task records
 * @param history its newest history with its application's events, newest first, as
 *     {@link ResourceHistory#history} returns it
 */
public record CheckInputs(StoredResource resource, ResourceState state, boolean paused, boolean tasksRunning,
    List<KeelEvent> history) {

  /** Checks for nulls and copies the history. */
  public CheckInputs {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(state, "state");
    history = List.copyOf(history);
  }
}
