package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * A thread-safe store in memory: the default, and the reference for keel-testkit's StoreContract. It is built
 * from one table per concern, each guarded by its own monitor, so that reading pauses, history or promotion
 * state never waits for a config being stored. An operation that spans concerns holds the monitors it needs
 * in one order (resources, then the schedule, then the {@link Expiry}, then history, tasks and promotion state),
 * which keeps it atomic: a submitted config is stored whole or not at all, with its schedule.
 *
 * <p>History and tasks are kept as its {@link Retention} says: bounded by count and age, and dropped with a
 * removed resource (or deleted config) after a grace period. The store has no clock: its time is the latest
 * it was given (a config's submission time, an event's time, the time checks were claimed at).
 *
 * <p>A write made under a {@link Lease} holds the schedule's monitor while it checks the lease and writes, so
 * that no claim takes the check over in between.
 */
public final class InMemoryStore implements KeelStore {

  private final Retention retention;
  private final ResourceTable resources = new ResourceTable();
  private final CheckQueue schedule = new CheckQueue();
  private final EventHistory history = new EventHistory();
  private final TaskTable tasks = new TaskTable();
  private final PauseTable pauses = new PauseTable();
  private final ArtifactTable artifacts = new ArtifactTable();
  private final PromotionTables promotions = new PromotionTables();
  private final Expiry expiry;

  /** An empty store with the {@linkplain Retention#defaults() default retention}. */
  public InMemoryStore() {
    this(Retention.defaults());
  }

  /**
   * An empty store.
   *
   * @param retention how long history and removed resources are kept
   */
  public InMemoryStore(Retention retention) {
    this.retention = Objects.requireNonNull(retention, "retention");
    this.expiry = new Expiry(retention, history, tasks, promotions);
  }

  /**
   * What the store holds now, to watch its memory.
   *
   * @return the counts
   */
  public Footprint footprint() {
    // Holding the resources and the expiry keeps configs from changing and removed resources from being
    // forgotten halfway through the count.
    synchronized (resources) {
      synchronized (expiry) {
        Set<String> ids = new HashSet<>(resources.resourceIds());
        ids.addAll(history.resourceIds());
        ids.addAll(tasks.resourceIds());
        ids.addAll(schedule.resourceIds());
        return new Footprint(resources.size(), ids.size(), history.events(), tasks.size());
      }
    }
  }

  // ---- delivery configs and resources

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at) {
    return storeDeliveryConfig(config, null, at);
  }

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, @Nullable SubmittedDocument document, Instant at) {
    synchronized (resources) {
      resources.checkConflicts(config); // before anything changes, the store's time included
      expiry.advance(at);
      SubmitResult changes = resources.store(config, document);
      expiry.stored(config.name(), config.application(), changes);
      schedule.follow(changes, at);
      return changes;
    }
  }

  @Override
  public List<String> deleteDeliveryConfig(String name) {
    synchronized (resources) {
      Optional<DeliveryConfig> deleted = resources.delete(name);
      if (deleted.isEmpty()) {
        return List.of();
      }
      DeliveryConfig config = deleted.get();
      List<String> ids = config.resources().map(Resource::id).collect(Collectors.toList());
      schedule.remove(ids);
      boolean lastOfApplication = resources.configForApplication(config.application()).isEmpty();
      expiry.deleted(name, ids, lastOfApplication ? config.application() : null);
      return ids;
    }
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfig(String name) {
    return resources.config(name);
  }

  @Override
  public Optional<SubmittedDocument> submittedDocument(String name) {
    return resources.document(name);
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfigForApplication(String application) {
    return resources.configForApplication(application);
  }

  @Override
  public List<DeliveryConfig> deliveryConfigs() {
    return resources.configs();
  }

  @Override
  public Optional<StoredResource> resource(String id) {
    return resources.resource(id);
  }

  @Override
  public List<StoredResource> resources() {
    return resources.resources();
  }

  @Override
  public ResourceState state(String id) {
    return resources.state(id);
  }

  @Override
  public void saveState(ResourceState state) {
    resources.saveState(state);
  }

  @Override
  public void saveState(ResourceState state, Lease lease) {
    synchronized (resources) {
      synchronized (schedule) {
        schedule.requireHeld(state.resourceId(), lease);
        resources.saveState(state);
      }
    }
  }

  // ---- history

  @Override
  public void appendEvent(KeelEvent event) {
    expiry.advance(event.at());
    history.append(event, retention);
  }

  @Override
  public void appendEvent(ResourceEvent event, Lease lease) {
    synchronized (schedule) {
      schedule.requireHeld(event.resourceId(), lease);
      appendEvent(event);
    }
  }

  @Override
  public List<KeelEvent> history(String id, int limit) {
    return history.history(id, limit);
  }

  @Override
  public Optional<ResourceEvent> lastResourceEvent(String id) {
    return history.last(id);
  }

  // ---- pauses

  @Override
  public void savePause(Pause pause) {
    pauses.save(pause);
  }

  @Override
  public boolean removePause(PauseScope scope, String name) {
    return pauses.remove(scope, name);
  }

  @Override
  public Optional<Pause> pause(PauseScope scope, String name) {
    return pauses.get(scope, name);
  }

  // ---- tasks

  @Override
  public void saveTask(TaskRecord task) {
    tasks.save(task, retention.maxEvents());
  }

  @Override
  public void saveTask(TaskRecord task, Lease lease) {
    synchronized (schedule) {
      schedule.requireHeld(task.resourceId(), lease);
      saveTask(task);
    }
  }

  @Override
  public boolean completeTask(TaskRecord completed) {
    if (completed.state() == dev.keel.spi.actuation.TaskState.RUNNING) {
      throw new IllegalArgumentException("Task " + completed.task().id() + " is still running; pass the completed record");
    }
    synchronized (tasks) {
      if (!tasks.isRunning(completed.task().id())) {
        return false;
      }
      saveTask(completed);
      return true;
    }
  }

  @Override
  public List<TaskRecord> incompleteTasks() {
    return tasks.incomplete();
  }

  @Override
  public List<TaskRecord> tasks(String resourceId) {
    return tasks.of(resourceId);
  }

  // ---- the check schedule

  @Override
  public List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    expiry.advance(now);
    return schedule.claimDue(now, limit, owner, lease);
  }

  @Override
  public void reschedule(String resourceId, String owner, Instant next) {
    schedule.reschedule(resourceId, owner, next);
  }

  @Override
  public void reschedule(String resourceId, Lease lease, Instant next) {
    schedule.reschedule(resourceId, lease, next);
  }

  @Override
  public boolean renewLease(String resourceId, Lease lease, Instant now, Duration extension) {
    return schedule.renew(resourceId, lease, now, extension);
  }

  @Override
  public void beginActuation(String resourceId, Lease lease, String correlationId, Instant now) {
    schedule.beginActuation(resourceId, lease, now);
  }

  @Override
  public boolean triggerCheck(String resourceId) {
    return schedule.trigger(resourceId);
  }

  @Override
  public Optional<Instant> nextDue() {
    return schedule.nextDue();
  }

  @Override
  public Optional<Instant> dueAt(String resourceId) {
    return schedule.dueAt(resourceId);
  }

  // ---- artifacts and promotion

  @Override
  public boolean storeArtifactVersion(ArtifactVersion version) {
    return artifacts.store(version);
  }

  @Override
  public List<ArtifactVersion> artifactVersions(String type, String name) {
    return artifacts.versions(type, name);
  }

  @Override
  public List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return promotions.promotions(where);
  }

  @Override
  public void savePromotions(List<PromotionRecord> records) {
    promotions.savePromotions(records);
  }

  @Override
  public List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return promotions.constraintStates(where, version);
  }

  @Override
  public void saveConstraintState(ConstraintState state) {
    promotions.saveConstraintState(state);
  }

  @Override
  public Optional<Pin> pin(EnvironmentArtifact where) {
    return promotions.pin(where);
  }

  @Override
  public void savePin(Pin pin) {
    promotions.savePin(pin);
  }

  @Override
  public boolean removePin(EnvironmentArtifact where) {
    return promotions.removePin(where);
  }

  @Override
  public List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return promotions.verificationStates(where);
  }

  @Override
  public void saveVerificationState(VerificationState state) {
    promotions.saveVerificationState(state);
  }

  @Override
  public void queueForApproval(EnvironmentArtifact where, String version) {
    promotions.queueForApproval(where, version);
  }

  @Override
  public List<String> approvalQueue(EnvironmentArtifact where) {
    return promotions.approvalQueue(where);
  }

  @Override
  public void dequeueApproval(EnvironmentArtifact where, String version) {
    promotions.dequeueApproval(where, version);
  }
}
