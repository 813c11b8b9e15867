package dev.keel.engine.check;

import dev.keel.engine.diff.Differ;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.PauseScope;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.engine.schedule.DeadlineCalls;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.annotation.Nullable;
import dev.keel.spi.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks resources: runs {@link ResourceCheck}s, records their events without repeating identical
 * results, and derives each resource's {@link ResourceStatus} from its persisted state. {@code KeelEngine}
 * drives it from its work queue; a host may also use it directly. Thread-safe; the engine guarantees that
 * one resource is never checked twice at once.
 */
public final class ResourceChecker {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceChecker.class);

  private final KeelStore store;
  private final Scheduler scheduler;
  private final DeadlineCalls calls;
  private final Differ differ;
  private final CheckExtensions extensions;
  private final GiveUpPolicy giveUpPolicy;
  private final Duration callTimeout;
  private final ArtifactView artifacts;
  private final Consumer<KeelEvent> publisher;
  private final Set<String> monitoredSystems;
  private final ActuationGate gate;
  /** Orders the last look before an actuation against pauses and vetoes; held only for store reads and writes. */
  private final Object actuationLock = new Object();

  private ResourceChecker(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
    this.calls = b.calls != null ? b.calls : new DeadlineCalls(scheduler);
    this.differ = Objects.requireNonNull(b.differ, "differ");
    this.extensions = Objects.requireNonNull(b.extensions, "extensions");
    this.giveUpPolicy = b.giveUpPolicy;
    this.callTimeout = b.callTimeout;
    this.artifacts = b.artifacts;
    this.publisher = b.publisher;
    this.monitoredSystems = Set.copyOf(b.monitoredSystems);
    this.gate = b.gate;
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
   * Checks a resource and acts on what it finds.
   *
   * @param resourceId the resource
   * @return the report; empty when the resource is no longer managed. The stage never fails because of an
   *     extension: failures become events and an ERROR result.
   */
  public CompletableFuture<Optional<CheckReport>> check(String resourceId) {
    Optional<StoredResource> stored = store.resource(resourceId);
    if (stored.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return run(stored.get(), true).thenApply(Optional::of);
  }

  /**
   * Runs the whole check of a resource with nothing executed and nothing recorded.
   *
   * @param stored the resource, stored or not
   * @return the report
   */
  public CompletableFuture<CheckReport> plan(StoredResource stored) {
    return run(stored, false);
  }

  private CompletableFuture<CheckReport> run(StoredResource stored, boolean execute) {
    var handler = extensions.handler(stored.resource().kind()).orElseGet(() -> new MissingHandler(stored));
    return new ResourceCheck(this, stored, handler, execute).run();
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
    boolean actuating = store.tasks(resourceId).stream().anyMatch(t -> t.state() == dev.keel.spi.actuation.TaskState.RUNNING);
    return statusOf(store.state(resourceId), isPaused(stored.get()), actuating);
  }

  static ResourceStatus statusOf(ResourceState state, boolean paused, boolean actuating) {
    if (paused) {
      return ResourceStatus.PAUSED;
    }
    if (actuating) {
      return ResourceStatus.ACTUATING;
    }
    if (state.lastResult() == null) {
      return ResourceStatus.CREATED;
    }
    return switch (state.lastResult()) {
      case IN_SYNC -> ResourceStatus.HAPPY;
      case DRIFTED, MISSING -> state.gaveUp() ? ResourceStatus.UNHAPPY : ResourceStatus.DIFF;
      case DRIFTED_WHILE_PAUSED -> ResourceStatus.DIFF;
      case VETOED -> state.suggestedStatus() != null ? state.suggestedStatus() : ResourceStatus.UNHAPPY;
      case NOT_ACTIONABLE -> ResourceStatus.DIFF_NOT_ACTIONABLE;
      case ERROR, TIMED_OUT -> ResourceStatus.ERROR;
      case UNRESOLVABLE -> state.everResolved() ? ResourceStatus.CURRENTLY_UNRESOLVABLE : ResourceStatus.WAITING;
    };
  }

  /**
   * What holds an actuation back at the moment it would start.
   *
   * @param paused whether the resource or its application is paused now
   * @param heldBy why the gate holds it back (a running verification, a vetoed version), or null
   */
  record Hold(boolean paused, @Nullable String heldBy) {}

  /**
   * Decides, at the moment of actuation, whether it may start: the pause is read again and the gate asked
   * (which reads the version's promotion state), under the lock that {@link #changeActuation} takes, so
   * that once a pause or a veto has returned no actuation it should stop can begin.
   */
  Hold beforeActuation(StoredResource stored, Resource<?> resolved) {
    synchronized (actuationLock) {
      if (isPaused(stored)) {
        return new Hold(true, null);
      }
      return new Hold(false, gate.beforeExecute(stored, resolved));
    }
  }

  /**
   * Makes a change that must hold back actuations (a pause, a veto) such that no actuation that has not
   * yet started when this returns will start without seeing it. Actuations already started go on.
   *
   * @param change the change; it must not call extensions
   */
  public void changeActuation(Runnable change) {
    synchronized (actuationLock) {
      change.run();
    }
  }

  boolean isPaused(StoredResource stored) {
    return store.pause(PauseScope.APPLICATION, stored.resource().application()).isPresent()
        || store.pause(PauseScope.RESOURCE, stored.id()).isPresent();
  }

  /**
   * Records an event in history and publishes it, unless it is a check result that repeats the resource's
   * previous event with the same content.
   *
   * @param event the event
   */
  public void record(ResourceEvent event) {
    recordCheck(List.of(event));
  }

  /**
   * Records one check's events. Its check results (such as a drift and the veto that held it back) are
   * dropped together when they repeat, with the same content, the results the previous check recorded;
   * other events are always recorded.
   *
   * @param events the check's events, in order
   */
  void recordCheck(List<ResourceEvent> events) {
    List<ResourceEvent> results = events.stream().filter(ResourceEvent::isCheckResult).toList();
    boolean repeat = false;
    if (!results.isEmpty() && results.size() == events.size()) {
      List<KeelEvent> recent = store.history(results.get(0).resourceId(), results.size());
      repeat = recent.size() == results.size();
      for (int i = 0; repeat && i < results.size(); i++) {
        KeelEvent previous = recent.get(results.size() - 1 - i);
        repeat = previous instanceof ResourceEvent r && sameContent(r, results.get(i));
      }
    }
    if (repeat) {
      return;
    }
    for (ResourceEvent e : events) {
      store.appendEvent(e);
      publish(e);
    }
  }

  /**
   * Publishes an event to the host without recording it (the caller recorded it).
   *
   * @param event the event
   */
  public void publish(KeelEvent event) {
    try {
      publisher.accept(event);
    } catch (RuntimeException e) {
      LOG.warn("An event subscriber failed on {}", event, e);
    }
  }

  /** Whether a repeated check result says nothing new: same type and, where it has one, same content. */
  private static boolean sameContent(ResourceEvent a, ResourceEvent b) {
    return a.getClass() == b.getClass() && Objects.equals(content(a), content(b));
  }

  private static Object content(ResourceEvent e) {
    if (e instanceof ResourceEvent.DeltaDetected d) {
      return d.fingerprint();
    } else if (e instanceof ResourceEvent.DriftWhilePaused d) {
      return d.fingerprint();
    } else if (e instanceof ResourceEvent.CheckUnresolvable u) {
      return u.reason();
    } else if (e instanceof ResourceEvent.CheckError c) {
      return c.phase() + "\u0000" + c.error();
    } else if (e instanceof ResourceEvent.CheckTimedOut t) {
      return t.phase();
    } else if (e instanceof ResourceEvent.CallStuck s) {
      return s.phase() + "\u0000" + s.since();
    } else if (e instanceof ResourceEvent.ActuationVetoed v) {
      return v.veto() + "\u0000" + v.reason();
    } else if (e instanceof ResourceEvent.DiffNotActionable n) {
      return n.reason();
    }
    return null;
  }

  void logFailure(String resourceId, String phase, Throwable cause) {
    LOG.warn("Check of {} failed in {}", resourceId, phase, cause);
  }

  boolean monitors(Task task) {
    return monitoredSystems.contains(task.system());
  }

  KeelStore store() {
    return store;
  }

  Clock clock() {
    return scheduler.clock();
  }

  DeadlineCalls calls() {
    return calls;
  }

  Differ differ() {
    return differ;
  }

  CheckExtensions extensions() {
    return extensions;
  }

  GiveUpPolicy giveUpPolicy() {
    return giveUpPolicy;
  }

  Duration callTimeout() {
    return callTimeout;
  }

  ArtifactView artifacts() {
    return artifacts;
  }

  ActuationGate gate() {
    return gate;
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
    private Consumer<KeelEvent> publisher = e -> { };
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

    /** @param publisher where recorded events go @return this builder */
    public Builder publisher(Consumer<KeelEvent> publisher) {
      this.publisher = Objects.requireNonNull(publisher, "publisher");
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
