package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A store that hands every call to another, for wrappers that watch or change a few of them (count, time,
 * log) without forwarding the rest by hand. Override the methods to change; each forwards unchanged.
 *
 * <p>The calls across concerns, {@link #checkInputs}, {@link #completeCheck} and {@link #storedStatuses}, are forwarded whole too, so that a
 * wrapped store keeps doing them in few round trips: a wrapper that watches the reads a check starts with, or the
 * state, events and reschedule it ends with, overrides them as well.
 */
public abstract class ForwardingStore implements KeelStore {

  private final KeelStore delegate;

  /**
   * Forwards to a store.
   *
   * @param delegate the store that does the work
   */
  protected ForwardingStore(KeelStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  // ---- calls across concerns

  @Override
  public Optional<CheckInputs> checkInputs(String resourceId, int historyLimit) {
    return delegate.checkInputs(resourceId, historyLimit);
  }

  @Override
  public Map<String, CheckInputs> checkInputs(List<String> resourceIds, int historyLimit) {
    return delegate.checkInputs(resourceIds, historyLimit);
  }

  @Override
  public List<StoredStatus> storedStatuses() {
    return delegate.storedStatuses();
  }

  @Override
  public void completeCheck(String resourceId, Lease lease, @Nullable ResourceState state,
      List<ResourceEvent> events, Instant next) {
    delegate.completeCheck(resourceId, lease, state, events, next);
  }

  // ---- DeliveryConfigRepository

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at) {
    return delegate.storeDeliveryConfig(config, at);
  }

  /**
   * Forwards unchanged. The engine stores a config read from a document through this method, and one built in
   * code through {@link #storeDeliveryConfig(DeliveryConfig, Instant)}: a wrapper that watches stored configs
   * overrides both.
   */
  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, @Nullable SubmittedDocument document, Instant at) {
    return delegate.storeDeliveryConfig(config, document, at);
  }

  @Override
  public Optional<SubmittedDocument> submittedDocument(String name) {
    return delegate.submittedDocument(name);
  }

  @Override
  public List<String> deleteDeliveryConfig(String name) {
    return delegate.deleteDeliveryConfig(name);
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfig(String name) {
    return delegate.deliveryConfig(name);
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfigForApplication(String application) {
    return delegate.deliveryConfigForApplication(application);
  }

  @Override
  public List<DeliveryConfig> deliveryConfigs() {
    return delegate.deliveryConfigs();
  }

  // ---- ResourceRepository

  @Override
  public Optional<StoredResource> resource(String id) {
    return delegate.resource(id);
  }

  @Override
  public List<StoredResource> resources() {
    return delegate.resources();
  }

  @Override
  public ResourceState state(String id) {
    return delegate.state(id);
  }

  @Override
  public void saveState(ResourceState state) {
    delegate.saveState(state);
  }

  @Override
  public void saveState(ResourceState state, Lease lease) {
    delegate.saveState(state, lease);
  }

  // ---- ResourceHistory

  @Override
  public void appendEvent(KeelEvent event) {
    delegate.appendEvent(event);
  }

  @Override
  public void appendEvent(ResourceEvent event, Lease lease) {
    delegate.appendEvent(event, lease);
  }

  @Override
  public List<KeelEvent> history(String id, int limit) {
    return delegate.history(id, limit);
  }

  @Override
  public Optional<ResourceEvent> lastResourceEvent(String id) {
    return delegate.lastResourceEvent(id);
  }

  // ---- PauseRepository

  @Override
  public void savePause(Pause pause) {
    delegate.savePause(pause);
  }

  @Override
  public boolean removePause(PauseScope scope, String name) {
    return delegate.removePause(scope, name);
  }

  @Override
  public Optional<Pause> pause(PauseScope scope, String name) {
    return delegate.pause(scope, name);
  }

  // ---- TaskRepository

  @Override
  public void saveTask(TaskRecord task) {
    delegate.saveTask(task);
  }

  @Override
  public void saveTask(TaskRecord task, Lease lease) {
    delegate.saveTask(task, lease);
  }

  @Override
  public boolean completeTask(TaskRecord completed) {
    return delegate.completeTask(completed);
  }

  @Override
  public List<TaskRecord> incompleteTasks() {
    return delegate.incompleteTasks();
  }

  @Override
  public List<TaskRecord> tasks(String resourceId) {
    return delegate.tasks(resourceId);
  }

  // ---- CheckSchedule

  @Override
  public List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    return delegate.claimDue(now, limit, owner, lease);
  }

  @Override
  public void reschedule(String resourceId, String owner, Instant next) {
    delegate.reschedule(resourceId, owner, next);
  }

  @Override
  public void reschedule(String resourceId, Lease lease, Instant next) {
    delegate.reschedule(resourceId, lease, next);
  }

  @Override
  public boolean renewLease(String resourceId, Lease lease, Instant now, Duration extension) {
    return delegate.renewLease(resourceId, lease, now, extension);
  }

  @Override
  public void beginActuation(String resourceId, Lease lease, String correlationId, Instant now) {
    delegate.beginActuation(resourceId, lease, correlationId, now);
  }

  @Override
  public boolean triggerCheck(String resourceId) {
    return delegate.triggerCheck(resourceId);
  }

  @Override
  public Optional<Instant> nextDue() {
    return delegate.nextDue();
  }

  @Override
  public Optional<Instant> dueAt(String resourceId) {
    return delegate.dueAt(resourceId);
  }

  // ---- ArtifactRepository

  @Override
  public boolean storeArtifactVersion(ArtifactVersion version) {
    return delegate.storeArtifactVersion(version);
  }

  @Override
  public List<ArtifactVersion> artifactVersions(String type, String name) {
    return delegate.artifactVersions(type, name);
  }

  // ---- PromotionRepository

  @Override
  public List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return delegate.promotions(where);
  }

  @Override
  public void savePromotions(List<PromotionRecord> records) {
    delegate.savePromotions(records);
  }

  @Override
  public List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return delegate.constraintStates(where, version);
  }

  @Override
  public void saveConstraintState(ConstraintState state) {
    delegate.saveConstraintState(state);
  }

  @Override
  public Optional<Pin> pin(EnvironmentArtifact where) {
    return delegate.pin(where);
  }

  @Override
  public void savePin(Pin pin) {
    delegate.savePin(pin);
  }

  @Override
  public boolean removePin(EnvironmentArtifact where) {
    return delegate.removePin(where);
  }

  @Override
  public List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return delegate.verificationStates(where);
  }

  @Override
  public void saveVerificationState(VerificationState state) {
    delegate.saveVerificationState(state);
  }

  @Override
  public void queueForApproval(EnvironmentArtifact where, String version) {
    delegate.queueForApproval(where, version);
  }

  @Override
  public List<String> approvalQueue(EnvironmentArtifact where) {
    return delegate.approvalQueue(where);
  }

  @Override
  public void dequeueApproval(EnvironmentArtifact where, String version) {
    delegate.dequeueApproval(where, version);
  }
}
