package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps its source of truth. Implementations must be thread-safe; every method is
 * atomic on its own. keel-testkit's {@code StoreContract} is the test suite an implementation must pass.
 *
 * <p>The check schedule lives here too ({@link #claimDue}), so that several engine instances sharing a
 * store (a SQL store) share the work: an instance claims due resources for a lease and reschedules them
 * when done; a claim whose instance died expires and is claimed again.
 */
public interface KeelStore {

  // ---- delivery configs and resources

  /**
   * Stores a delivery config and its resources in one step: resources new to the store are created,
   * changed ones get a new version (only when kind or spec really changed), ones no longer declared are
   * removed from management, and changed or new resources are due for a check at once. Pauses survive.
   *
   * @param config the validated config
   * @param at when
   * @return what changed
   * @throws ConfigConflictException, leaving the store untouched, if another config has the same name or
   *     application, or already manages one of the resources
   */
  SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at);

  /**
   * Removes a delivery config and stops managing its resources (cloud resources are left alone).
   *
   * @param name the config's name
   * @return the ids of the resources no longer managed; empty if there was no such config
   */
  List<String> deleteDeliveryConfig(String name);

  /**
   * A delivery config by name.
   *
   * @param name the name
   * @return the config, if stored
   */
  Optional<DeliveryConfig> deliveryConfig(String name);

  /**
   * The delivery config of an application.
   *
   * @param application the application
   * @return the config, if stored
   */
  Optional<DeliveryConfig> deliveryConfigForApplication(String application);

  /**
   * Every stored delivery config.
   *
   * @return the configs, by name
   */
  List<DeliveryConfig> deliveryConfigs();

  /**
   * A managed resource.
   *
   * @param id the resource id
   * @return the resource, if managed
   */
  Optional<StoredResource> resource(String id);

  /**
   * Every managed resource.
   *
   * @return the resources, by id
   */
  List<StoredResource> resources();

  // ---- state and history

  /**
   * A resource's state.
   *
   * @param id the resource id
   * @return the state, or the initial state if never saved
   */
  ResourceState state(String id);

  /**
   * Saves a resource's state.
   *
   * @param state the state
   */
  void saveState(ResourceState state);

  /**
   * Appends an event to history.
   *
   * @param event a resource or application event
   */
  void appendEvent(KeelEvent event);

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

  // ---- pauses

  /**
   * Saves a pause, replacing one of the same scope and name.
   *
   * @param pause the pause
   */
  void savePause(Pause pause);

  /**
   * Removes a pause.
   *
   * @param scope the scope
   * @param name the application or resource id
   * @return whether there was one
   */
  boolean removePause(PauseScope scope, String name);

  /**
   * A pause.
   *
   * @param scope the scope
   * @param name the application or resource id
   * @return the pause, if any
   */
  Optional<Pause> pause(PauseScope scope, String name);

  // ---- tasks

  /**
   * Saves a task record, replacing one with the same task id.
   *
   * @param task the record
   */
  void saveTask(TaskRecord task);

  /**
   * Tasks not yet complete, oldest first.
   *
   * @return the records
   */
  List<TaskRecord> incompleteTasks();

  /**
   * A resource's tasks, newest first.
   *
   * @param resourceId the resource
   * @return the records
   */
  List<TaskRecord> tasks(String resourceId);

  // ---- the check schedule

  /**
   * Claims resources whose check is due and not claimed by a live lease: triggered ones first, then by
   * due time. Each claimed resource is leased to {@code owner} until {@code now + lease}.
   *
   * @param now the current time
   * @param limit the most to claim
   * @param owner the claiming engine instance
   * @param lease how long the claim lasts
   * @return the claimed checks, in order
   */
  List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease);

  /**
   * Releases a claim and sets when the resource is next due. A check triggered while claimed stays
   * triggered: the earlier of the two times wins.
   *
   * @param resourceId the resource
   * @param owner the instance that claimed it
   * @param next when it is next due
   */
  void reschedule(String resourceId, String owner, Instant next);

  /**
   * Makes a resource due at once, ahead of periodic checks.
   *
   * @param resourceId the resource
   * @return whether the resource is managed
   */
  boolean triggerCheck(String resourceId);

  /**
   * When the next claimable check falls due: the earliest due time among unclaimed resources or lease
   * expiry among claimed ones.
   *
   * @return the time, or empty when nothing is managed
   */
  Optional<Instant> nextDue();

  /**
   * The time a resource is next due, for status displays.
   *
   * @param resourceId the resource
   * @return the due time, if managed and not claimed
   */
  Optional<Instant> dueAt(String resourceId);

  // ---- artifacts and promotion

  /**
   * Records a published artifact version; versions are global, shared by every config using the artifact.
   *
   * @param version the version
   * @return whether it was new
   */
  boolean storeArtifactVersion(ArtifactVersion version);

  /**
   * The known versions of an artifact, in no particular order.
   *
   * @param type the artifact type
   * @param name the artifact name
   * @return the versions
   */
  List<ArtifactVersion> artifactVersions(String type, String name);

  /**
   * The promotion records of an artifact in an environment; a version without one is PENDING there.
   *
   * @param where the environment and artifact
   * @return the records, in no particular order
   */
  List<PromotionRecord> promotions(EnvironmentArtifact where);

  /**
   * Saves promotion records together, replacing those of the same versions: a transition that touches
   * several versions (one becomes CURRENT, the old one PREVIOUS) is stored whole.
   *
   * @param records the records
   */
  void savePromotions(List<PromotionRecord> records);

  /**
   * The constraint states of a version in an environment.
   *
   * @param where the environment and artifact
   * @param version the version
   * @return the states, one per constraint type
   */
  List<ConstraintState> constraintStates(EnvironmentArtifact where, String version);

  /**
   * Saves a constraint state, replacing the one of the same version and type.
   *
   * @param state the state
   */
  void saveConstraintState(ConstraintState state);

  /**
   * The pin of an artifact in an environment.
   *
   * @param where the environment and artifact
   * @return the pin, if any
   */
  Optional<Pin> pin(EnvironmentArtifact where);

  /**
   * Saves a pin, replacing any earlier one.
   *
   * @param pin the pin
   */
  void savePin(Pin pin);

  /**
   * Removes a pin.
   *
   * @param where the environment and artifact
   * @return whether there was one
   */
  boolean removePin(EnvironmentArtifact where);

  /**
   * The verification states of an artifact in an environment.
   *
   * @param where the environment and artifact
   * @return the states, in no particular order
   */
  List<VerificationState> verificationStates(EnvironmentArtifact where);

  /**
   * Saves a verification state, replacing the one of the same version and verification.
   *
   * @param state the state
   */
  void saveVerificationState(VerificationState state);

  /**
   * Queues a version whose constraints passed while the environment was pinned (Keel's approval queue):
   * once the pin is removed, queued versions are approved oldest first.
   *
   * @param where the environment and artifact
   * @param version the version; queuing it again changes nothing
   */
  void queueForApproval(EnvironmentArtifact where, String version);

  /**
   * The versions queued for approval.
   *
   * @param where the environment and artifact
   * @return the versions, in the order queued
   */
  List<String> approvalQueue(EnvironmentArtifact where);

  /**
   * Takes a version off the approval queue.
   *
   * @param where the environment and artifact
   * @param version the version
   */
  void dequeueApproval(EnvironmentArtifact where, String version);
}
