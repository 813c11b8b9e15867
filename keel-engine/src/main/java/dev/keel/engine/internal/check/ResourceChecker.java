package dev.keel.engine.internal.check;

import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.diff.Differ;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.CheckInputs;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Checks resources: runs {@link ResourceCheck}s, whose events go to the {@link EventRecorder}, and derives
 * each resource's {@link ResourceStatus} from its persisted state. {@code KeelEngine} drives it from its
 * work queue; a host may also use it directly. Thread-safe; the engine guarantees that one resource is
 * never checked twice at once.
 */
public final class ResourceChecker {

  /** How much of a resource's history a check reads at its start: as many events as a check records, nearly always. */
  public static final int HISTORY = 4;

  private final KeelStore store;
  private final CheckServices services;

  private ResourceChecker(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    Scheduler scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.services = new CheckServices(store, scheduler.clock(),
        b.calls != null ? b.calls : new DeadlineCalls(scheduler), Objects.requireNonNull(b.differ, "differ"),
        Objects.requireNonNull(b.extensions, "extensions"), b.giveUpPolicy, b.callTimeout, b.artifacts,
        Set.copyOf(b.monitoredSystems), new ActuationGuard(store, b.gate),
        b.recorder != null ? b.recorder : new EventRecorder(store, e -> { }));
  }

  /**
   * Starts configuring a checker.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a resource and acts on what it finds, under the lease of the claim that gave this engine the check:
   * every write passes the lease, the store's {@code beginActuation} gate is asked before acting, and the check
   * ends by saving its state and events and rescheduling the resource in one store call.
   *
   * @param resourceId the resource
   * @param lease the claim's lease, which the caller renews while the check runs
   * @param next when the resource is next due, by the check's result; a check skipped (without a result) leaves
   *     rescheduling to the caller
   * @param prefetched what the store said the check starts from, read in a batch with other claims a moment ago; or
   *     null to read it now
   * @return the report; empty when the resource is no longer managed. The stage never fails because of an
   *     extension: failures become events and an ERROR result. It fails with a
   *     {@link dev.keel.engine.store.LeaseLostException} when the lease was lost (the check was abandoned, with an
   *     event), and with the store's exception when the store failed so that not even the failure could be
   *     recorded.
   */
  public CompletableFuture<Optional<CheckReport>> check(String resourceId, CheckLease lease, NextCheck next,
      @javax.annotation.Nullable CheckInputs prefetched) {
    Optional<CheckInputs> inputs;
    try {
      inputs = prefetched != null ? Optional.of(prefetched) : store.checkInputs(resourceId, HISTORY);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (inputs.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return run(inputs.get().resource(), new Claimed(lease, inputs.get(), next)).thenApply(Optional::of);
  }

  /**
   * Runs the whole check of a resource with nothing executed and nothing recorded.
   *
   * @param stored the resource, stored or not
   * @return the report
   */
  public CompletableFuture<CheckReport> plan(StoredResource stored) {
    return run(stored, null);
  }

  /**
   * Plans every resource of a config, with nothing executed and nothing recorded.
   *
   * @param deliveryConfig the config, stored or not
   * @return the plan, when every resource is planned
   */
  public CompletableFuture<Plan> plan(DeliveryConfig deliveryConfig) {
    List<CompletableFuture<ResourcePlan>> plans = new ArrayList<>();
    for (Environment env : deliveryConfig.environments()) {
      for (Resource<?> r : env.resources()) {
        long version = store.resource(r.id()).map(StoredResource::version).orElse(0L);
        plans.add(plan(new StoredResource(r, deliveryConfig.name(), env.name(), version)).thenApply(CheckReport::plan));
      }
    }
    return CompletableFuture.allOf(plans.toArray(CompletableFuture[]::new))
        .thenApply(v -> new Plan(deliveryConfig.name(),
            plans.stream().map(CompletableFuture::join).collect(Collectors.toList())));
  }

  private CompletableFuture<CheckReport> run(StoredResource stored, @javax.annotation.Nullable Claimed claimed) {
    var handler = services.extensions().handler(stored.resource().kind()).orElseGet(() -> new MissingHandler(stored));
    return new ResourceCheck(services, stored, handler, claimed).run();
  }

  /**
   * The status of a resource, derived from its persisted state, its pauses and its running tasks.
   *
   * @param resourceId the resource
   * @return the status; UNKNOWN if the resource is not managed
   */
  public ResourceStatus status(String resourceId) {
    Optional<StoredResource> stored = store.resource(resourceId);
    if (stored.isEmpty()) {
      return ResourceStatus.UNKNOWN;
    }
    boolean actuating = store.tasks(resourceId).stream().anyMatch(t -> t.state() == TaskState.RUNNING);
    return statusOf(store.state(resourceId), services.guard().isPaused(stored.get()), actuating);
  }

  static ResourceStatus statusOf(ResourceState state, boolean paused, boolean actuating) {
    return state.status(paused, actuating);
  }

  /**
   * Makes a change that must hold back actuations (a pause, a veto) such that no actuation that has not
   * yet started when this returns will start without seeing it. Actuations already started go on.
   *
   * @param change the change; it must not call extensions
   */
  public void changeActuation(Runnable change) {
    services.guard().change(change);
  }

  /** Configures a {@link ResourceChecker}. */
  public static final class Builder {
    private KeelStore store;
    private Scheduler scheduler;
    private Differ differ;
    private CheckExtensions extensions;
    private GiveUpPolicy giveUpPolicy = GiveUpPolicy.keelDefaults();
    private Duration callTimeout = Duration.ofMinutes(2);
    private ArtifactView artifacts = ArtifactView.empty();
    private EventRecorder recorder;
    private Set<String> monitoredSystems = Set.of();
    private ActuationGate gate = ActuationGate.OPEN;
    private DeadlineCalls calls;

    private Builder() {}

    /**
     * The engine's extension calls, shared with the rest of the engine so stuck calls are counted once;
     * by default the checker makes its own.
     *
     * @param deadlineCalls the calls, on the same scheduler
     * @return this builder
     */
    public Builder calls(DeadlineCalls deadlineCalls) {
      this.calls = Objects.requireNonNull(deadlineCalls, "deadlineCalls");
      return this;
    }

    /** @param actuationGate what holds actuations back and learns of results @return this builder */
    public Builder gate(ActuationGate actuationGate) {
      this.gate = Objects.requireNonNull(actuationGate, "actuationGate");
      return this;
    }

    /** @param store the store @return this builder */
    public Builder store(KeelStore store) {
      this.store = store;
      return this;
    }

    /** @param scheduler time, timers and threads @return this builder */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** @param differ the differ @return this builder */
    public Builder differ(Differ differ) {
      this.differ = differ;
      return this;
    }

    /** @param extensions handlers, resolvers and vetoes @return this builder */
    public Builder extensions(CheckExtensions extensions) {
      this.extensions = extensions;
      return this;
    }

    /** @param policy the give-up policy; Keel's defaults otherwise @return this builder */
    public Builder giveUpPolicy(GiveUpPolicy policy) {
      this.giveUpPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** @param timeout the deadline of each extension call; 2 minutes otherwise @return this builder */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** @param view the artifact view given to extensions @return this builder */
    public Builder artifacts(ArtifactView view) {
      this.artifacts = Objects.requireNonNull(view, "view");
      return this;
    }

    /**
     * Where the checks' events go; by default a recorder into the store that publishes nowhere.
     *
     * @param eventRecorder the engine's recorder
     * @return this builder
     */
    public Builder recorder(EventRecorder eventRecorder) {
      this.recorder = Objects.requireNonNull(eventRecorder, "eventRecorder");
      return this;
    }

    /** @param systems the task systems some TaskMonitor follows; other tasks are not tracked @return this builder */
    public Builder monitoredSystems(Set<String> systems) {
      this.monitoredSystems = Objects.requireNonNull(systems, "systems");
      return this;
    }

    /**
     * Builds the checker.
     *
     * @return the checker
     */
    public ResourceChecker build() {
      return new ResourceChecker(this);
    }
  }
}
