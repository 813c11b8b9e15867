package dev.keel.engine.store;

import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.actuation.TaskState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Where the engine keeps its source of truth: the union of one interface per concern. Implementations
 * must be thread-safe; every method is atomic on its own, including those whose effects span concerns
 * (storing a config changes the managed resources and the check schedule in one step).
 * keel-testkit's {@code StoreContract} is the test suite an implementation must pass; it runs one contract
 * per concern, which a store author can also run one at a time.
 *
 * <p>Engine components that need one concern take the narrower interface. Two calls span concerns for the sake of
 * stores across a network, which pay for every round trip: {@link #checkInputs} reads what a check (or a batch of
 * just claimed checks) starts from, and {@link #completeCheck} writes what it ends with. {@link #storedStatuses()} reads
 * the other concerns for a status display. Their defaults make the one-concern calls in turn; a store may do
 * each in fewer round trips.
 */
public interface KeelStore extends DeliveryConfigRepository, ResourceRepository, ResourceHistory, PauseRepository,
    TaskRepository, CheckSchedule, ArtifactRepository, PromotionRepository, StatusView {

  /**
   * What a check of a resource reads before it starts: the resource, its state, whether it or its application is
   * paused, whether a task launched for it still runs, and its newest history. The default reads them one by one.
   *
   * @param resourceId the resource
   * @param historyLimit the most history events to return
   * @return the inputs; empty if the resource is not managed
   */
  default Optional<CheckInputs> checkInputs(String resourceId, int historyLimit) {
    Optional<StoredResource> stored = resource(resourceId);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    boolean paused = pause(PauseScope.APPLICATION, stored.get().resource().application()).isPresent()
        || pause(PauseScope.RESOURCE, resourceId).isPresent();
    boolean running = tasks(resourceId).stream().anyMatch(t -> t.state() == TaskState.RUNNING);
    return Optional.of(new CheckInputs(stored.get(), state(resourceId), paused, running,
        history(resourceId, historyLimit)));
  }

  /**
   * What the checks of several resources read before they start, as {@link #checkInputs(String, int)} returns it for
   * each: for an engine that has just claimed them, in one call. The default reads them one at a time.
   *
   * @param resourceIds the resources
   * @param historyLimit the most history events to return per resource
   * @return the inputs of the managed ones, by resource id
   */
  default Map<String, CheckInputs> checkInputs(List<String> resourceIds, int historyLimit) {
    Map<String, CheckInputs> inputs = new LinkedHashMap<>();
    for (String id : resourceIds) {
      checkInputs(id, historyLimit).ifPresent(i -> inputs.put(id, i));
    }
    return inputs;
  }

  /**
   * Ends a claimed check: saves the resource's state, appends the check's events and reschedules the resource (as
   * {@link #reschedule(String, Lease, Instant)} does), only while the check's lease is held. The default makes the
   * three calls in turn, each under the lease, so a lease lost between them leaves the earlier writes made; a store
   * that can does all of it in one transaction.
   *
   * @param resourceId the resource
   * @param lease the lease of the check's claim
   * @param state the state to save, or null to leave the stored one as it is
   * @param events the events to append, in order
   * @param next when the resource is next due
   * @throws LeaseLostException if the lease is no longer held
   */
  default void completeCheck(String resourceId, Lease lease, @Nullable ResourceState state, List<ResourceEvent> events,
      Instant next) {
    if (state != null) {
      saveState(state, lease);
    }
    for (ResourceEvent event : events) {
      appendEvent(event, lease);
    }
    reschedule(resourceId, lease, next);
  }

  /**
   * {@inheritDoc}
   *
   * <p>The default outlines {@link #deliveryConfigs()} and reads each with {@link StoredStatus#read}; a store whose
   * configs are decoded with kinds on the way out overrides it to outline its rows without decoding them.
   */
  @Override
  default List<StoredStatus> storedStatuses() {
    return deliveryConfigs().stream().map(c -> StoredStatus.read(StatusOutline.of(c), this)).toList();
  }
}
