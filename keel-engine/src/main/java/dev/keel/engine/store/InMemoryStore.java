package dev.keel.engine.store;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A thread-safe store in memory: the default, and the reference for keel-testkit's StoreContract.
 * Every operation holds one lock, which keeps each atomic (a submitted config is stored whole or not at
 * all). History and tasks are kept as its {@link Retention} says: bounded by count and age, and dropped
 * with a removed resource (or deleted config) after a grace period. The store has no clock: its time is the
 * latest it was given (a config's submission time, an event's time, the time checks were claimed at).
 */
public final class InMemoryStore implements KeelStore {

  /** How often, in store time, every history is trimmed by age (appends trim their own history at once). */
  private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

  private static final Comparator<Slot> BY_DUE = Comparator.comparing((Slot s) -> !s.triggered)
      .thenComparing(s -> s.due).thenComparing(s -> s.id);
  private static final Comparator<Slot> BY_LEASE = Comparator.comparing((Slot s) -> s.leaseUntil)
      .thenComparing(s -> s.id);

  private final Object lock = new Object();
  private final Map<String, DeliveryConfig> configs = new TreeMap<>();
  private final Map<String, StoredResource> resources = new TreeMap<>();
  private final Map<String, ResourceState> states = new HashMap<>();
  private final EventHistory history = new EventHistory();
  private final Retention retention;
  /** Removed resources, configs and applications by when they were removed, oldest first. */
  private final Removals removedResources = new Removals();
  private final Removals removedConfigs = new Removals();
  private final Removals removedApplications = new Removals();
  private Instant latest = Instant.MIN;
  private Instant nextSweep = Instant.MIN;
  private final Map<String, Pause> pauses = new HashMap<>();
  private final TaskTable tasks = new TaskTable();
  private final Map<String, Slot> slots = new HashMap<>();
  private final Map<List<String>, Map<String, ArtifactVersion>> artifactVersions = new HashMap<>();
  private final PromotionTables tables = new PromotionTables();
  private final TreeSet<Slot> unclaimed = new TreeSet<>(BY_DUE);
  private final TreeSet<Slot> claimed = new TreeSet<>(BY_LEASE);

  /** One resource's place in the check schedule. */
  private static final class Slot {
    final String id;
    Instant due;
    boolean triggered;
    String owner;
    Instant leaseUntil;

    Slot(String id, Instant due, boolean triggered) {
      this.id = id;
      this.due = due;
      this.triggered = triggered;
    }
  }

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
  }

  /**
   * What the store holds now, to watch its memory.
   *
   * @return the counts
   */
  public Footprint footprint() {
    synchronized (lock) {
      Set<String> ids = new HashSet<>(resources.keySet());
      ids.addAll(states.keySet());
      history.resourceIds().forEach(ids::add);
      ids.addAll(tasks.resourceIds());
      ids.addAll(slots.keySet());
      return new Footprint(resources.size(), ids.size(), history.events(), tasks.size());
    }
  }

  /** Moves the store's time forward and drops what the retention no longer keeps. */
  private void advance(Instant now) {
    if (now.isAfter(latest)) {
      latest = now;
    }
    Instant removedBefore = latest.minus(retention.removedGrace());
    removedResources.expire(removedBefore, id -> {
      history.forgetResource(id);
      tasks.forget(id);
    });
    removedConfigs.expire(removedBefore, tables::forgetConfig);
    removedApplications.expire(removedBefore, history::forgetApplication);
    if (!latest.isBefore(nextSweep)) {
      nextSweep = latest.plus(SWEEP_INTERVAL);
      Instant cutoff = latest.minus(retention.maxAge());
      history.trimOlderThan(cutoff);
      tasks.trimOlderThan(cutoff);
    }
  }

  @Override
  public SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at) {
    synchronized (lock) {
      checkConflicts(config);
      advance(at);
      removedConfigs.cancel(config.name());
      removedApplications.cancel(config.application());
      DeliveryConfig previous = configs.get(config.name());
      Set<String> created = new HashSet<>();
      Set<String> updated = new HashSet<>();
      Set<String> unchanged = new HashSet<>();
      Set<String> declared = new HashSet<>();
      for (Environment env : config.environments()) {
        for (Resource<?> r : env.resources()) {
          declared.add(r.id());
          removedResources.cancel(r.id()); // managed again within the grace period: its history stays
          StoredResource old = resources.get(r.id());
          if (old == null) {
            resources.put(r.id(), new StoredResource(r, config.name(), env.name(), 1));
            created.add(r.id());
            schedule(r.id(), at, true);
          } else if (!old.resource().equals(r) || !old.environment().equals(env.name())) {
            resources.put(r.id(), new StoredResource(r, config.name(), env.name(), old.version() + 1));
            updated.add(r.id());
            triggerCheck(r.id());
          } else {
            // Metadata may change without a new version; keep the newest.
            resources.put(r.id(), new StoredResource(r, config.name(), env.name(), old.version()));
            unchanged.add(r.id());
          }
        }
      }
      Set<String> removed = new HashSet<>();
      if (previous != null) {
        previous.resources().map(Resource::id).filter(id -> !declared.contains(id)).forEach(id -> {
          unmanage(id);
          removed.add(id);
        });
      }
      configs.put(config.name(), config);
      return new SubmitResult(created, updated, removed, unchanged);
    }
  }

  private void checkConflicts(DeliveryConfig config) {
    DeliveryConfig sameName = configs.get(config.name());
    if (sameName != null && !sameName.application().equals(config.application())) {
      throw new ConfigConflictException("Delivery config name '" + config.name() + "' is used by application '"
          + sameName.application() + "'; choose another name");
    }
    for (DeliveryConfig other : configs.values()) {
      if (other.application().equals(config.application()) && !other.name().equals(config.name())) {
        throw new ConfigConflictException("Application '" + config.application() + "' already has delivery config '"
            + other.name() + "'; an application has one config: keep its name or delete it first");
      }
    }
    config.resources().forEach(r -> {
      StoredResource existing = resources.get(r.id());
      if (existing != null && !existing.deliveryConfig().equals(config.name())) {
        throw new ConfigConflictException("Resource " + r.id() + " is already managed by delivery config '"
            + existing.deliveryConfig() + "'; a resource can be managed by one config only");
      }
    });
  }

  private void unmanage(String id) {
    resources.remove(id);
    removedResources.mark(id, latest);
    states.remove(id);
    Slot slot = slots.remove(id);
    if (slot != null) {
      unclaimed.remove(slot);
      claimed.remove(slot);
    }
  }

  @Override
  public List<String> deleteDeliveryConfig(String name) {
    synchronized (lock) {
      DeliveryConfig config = configs.remove(name);
      if (config == null) {
        return List.of();
      }
      List<String> ids = config.resources().map(Resource::id).collect(Collectors.toList());
      ids.forEach(this::unmanage);
      removedConfigs.mark(name, latest);
      if (configs.values().stream().noneMatch(c -> c.application().equals(config.application()))) {
        removedApplications.mark(config.application(), latest);
      }
      return ids;
    }
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfig(String name) {
    synchronized (lock) {
      return Optional.ofNullable(configs.get(name));
    }
  }

  @Override
  public Optional<DeliveryConfig> deliveryConfigForApplication(String application) {
    synchronized (lock) {
      return configs.values().stream().filter(c -> c.application().equals(application)).findFirst();
    }
  }

  @Override
  public List<DeliveryConfig> deliveryConfigs() {
    synchronized (lock) {
      return List.copyOf(configs.values());
    }
  }

  @Override
  public Optional<StoredResource> resource(String id) {
    synchronized (lock) {
      return Optional.ofNullable(resources.get(id));
    }
  }

  @Override
  public List<StoredResource> resources() {
    synchronized (lock) {
      return List.copyOf(resources.values());
    }
  }

  @Override
  public ResourceState state(String id) {
    synchronized (lock) {
      return states.getOrDefault(id, ResourceState.initial(id));
    }
  }

  @Override
  public void saveState(ResourceState state) {
    synchronized (lock) {
      if (resources.containsKey(state.resourceId())) {
        states.put(state.resourceId(), state);
      }
    }
  }

  @Override
  public void appendEvent(KeelEvent event) {
    synchronized (lock) {
      advance(event.at());
      history.append(event, retention);
    }
  }

  @Override
  public List<KeelEvent> history(String id, int limit) {
    synchronized (lock) {
      return history.history(id, limit);
    }
  }

  @Override
  public Optional<ResourceEvent> lastResourceEvent(String id) {
    synchronized (lock) {
      return history.last(id);
    }
  }

  private static String pauseKey(PauseScope scope, String name) {
    return scope + "\u0000" + name;
  }

  @Override
  public void savePause(Pause pause) {
    synchronized (lock) {
      pauses.put(pauseKey(pause.scope(), pause.name()), pause);
    }
  }

  @Override
  public boolean removePause(PauseScope scope, String name) {
    synchronized (lock) {
      return pauses.remove(pauseKey(scope, name)) != null;
    }
  }

  @Override
  public Optional<Pause> pause(PauseScope scope, String name) {
    synchronized (lock) {
      return Optional.ofNullable(pauses.get(pauseKey(scope, name)));
    }
  }

  @Override
  public void saveTask(TaskRecord task) {
    synchronized (lock) {
      tasks.save(task, retention.maxEvents());
    }
  }

  @Override
  public List<TaskRecord> incompleteTasks() {
    synchronized (lock) {
      return tasks.incomplete();
    }
  }

  @Override
  public List<TaskRecord> tasks(String resourceId) {
    synchronized (lock) {
      return tasks.of(resourceId);
    }
  }

  private void schedule(String id, Instant due, boolean triggered) {
    Slot slot = new Slot(id, due, triggered);
    slots.put(id, slot);
    unclaimed.add(slot);
  }

  @Override
  public List<DueCheck> claimDue(Instant now, int limit, String owner, Duration lease) {
    synchronized (lock) {
      advance(now);
      // Claims whose owner never came back are claimable again.
      while (!claimed.isEmpty() && !claimed.first().leaseUntil.isAfter(now)) {
        Slot expired = claimed.pollFirst();
        expired.owner = null;
        expired.leaseUntil = null;
        unclaimed.add(expired);
      }
      List<DueCheck> result = new ArrayList<>();
      while (result.size() < limit && !unclaimed.isEmpty()) {
        Slot first = unclaimed.first();
        if (!first.triggered && first.due.isAfter(now)) {
          break;
        }
        unclaimed.pollFirst();
        result.add(new DueCheck(first.id, first.triggered));
        first.triggered = false;
        first.owner = owner;
        first.leaseUntil = now.plus(lease);
        claimed.add(first);
      }
      return result;
    }
  }

  @Override
  public void reschedule(String resourceId, String owner, Instant next) {
    synchronized (lock) {
      Slot slot = slots.get(resourceId);
      if (slot == null) {
        return;
      }
      if (slot.owner != null) {
        if (!slot.owner.equals(owner)) {
          return; // the lease expired and another instance holds it now
        }
        claimed.remove(slot);
        slot.owner = null;
        slot.leaseUntil = null;
      } else {
        unclaimed.remove(slot);
      }
      slot.due = slot.triggered && slot.due.isBefore(next) ? slot.due : next;
      unclaimed.add(slot);
    }
  }

  @Override
  public boolean triggerCheck(String resourceId) {
    synchronized (lock) {
      Slot slot = slots.get(resourceId);
      if (slot == null) {
        return false;
      }
      if (slot.owner != null) {
        slot.triggered = true; // picked up when the running check reschedules
        return true;
      }
      unclaimed.remove(slot);
      slot.triggered = true;
      unclaimed.add(slot);
      return true;
    }
  }

  @Override
  public Optional<Instant> nextDue() {
    synchronized (lock) {
      Instant next = null;
      if (!unclaimed.isEmpty()) {
        Slot first = unclaimed.first();
        next = first.triggered ? Instant.MIN : first.due;
      }
      if (!claimed.isEmpty() && (next == null || claimed.first().leaseUntil.isBefore(next))) {
        next = claimed.first().leaseUntil;
      }
      return Optional.ofNullable(next);
    }
  }

  @Override
  public Optional<Instant> dueAt(String resourceId) {
    synchronized (lock) {
      Slot slot = slots.get(resourceId);
      return slot == null || slot.owner != null ? Optional.empty() : Optional.of(slot.due);
    }
  }

  @Override
  public boolean storeArtifactVersion(ArtifactVersion version) {
    synchronized (lock) {
      return artifactVersions.computeIfAbsent(List.of(version.type(), version.name()), k -> new LinkedHashMap<>())
          .putIfAbsent(version.version(), version) == null;
    }
  }

  @Override
  public List<ArtifactVersion> artifactVersions(String type, String name) {
    synchronized (lock) {
      return List.copyOf(artifactVersions.getOrDefault(List.of(type, name), Map.of()).values());
    }
  }

  @Override
  public List<PromotionRecord> promotions(EnvironmentArtifact where) {
    synchronized (lock) {
      return tables.promotions(where);
    }
  }

  @Override
  public void savePromotions(List<PromotionRecord> records) {
    synchronized (lock) {
      tables.savePromotions(records);
    }
  }

  @Override
  public List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    synchronized (lock) {
      return tables.constraintStates(where, version);
    }
  }

  @Override
  public void saveConstraintState(ConstraintState state) {
    synchronized (lock) {
      tables.saveConstraintState(state);
    }
  }

  @Override
  public Optional<Pin> pin(EnvironmentArtifact where) {
    synchronized (lock) {
      return tables.pin(where);
    }
  }

  @Override
  public void savePin(Pin pin) {
    synchronized (lock) {
      tables.savePin(pin);
    }
  }

  @Override
  public boolean removePin(EnvironmentArtifact where) {
    synchronized (lock) {
      return tables.removePin(where);
    }
  }

  @Override
  public List<VerificationState> verificationStates(EnvironmentArtifact where) {
    synchronized (lock) {
      return tables.verificationStates(where);
    }
  }

  @Override
  public void saveVerificationState(VerificationState state) {
    synchronized (lock) {
      tables.saveVerificationState(state);
    }
  }

  @Override
  public void queueForApproval(EnvironmentArtifact where, String version) {
    synchronized (lock) {
      tables.queueForApproval(where, version);
    }
  }

  @Override
  public List<String> approvalQueue(EnvironmentArtifact where) {
    synchronized (lock) {
      return tables.approvalQueue(where);
    }
  }

  @Override
  public void dequeueApproval(EnvironmentArtifact where, String version) {
    synchronized (lock) {
      tables.dequeueApproval(where, version);
    }
  }
}
