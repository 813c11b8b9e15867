package dev.keel.engine.internal.check;

import dev.keel.engine.check.ExtensionFailure;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.schedule.CallRefused;
import dev.keel.engine.schedule.DeadlineExceeded;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.TaskRecord;
import dev.keel.spi.ResourceCurrentlyUnresolvable;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.actuation.ActionDecision;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.ResourceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check of one resource, in Keel's order: actuation in progress, resolvers and desired in parallel
 * with current, diff and fingerprint, pause, give-up policy and vetoes, willTakeAction, plan and, unless
 * only planning, execute. Every call into an extension runs under a deadline; any failure ends the check
 * with a typed event and never escapes.
 *
 * <p>A check that executes runs under its claim's {@link CheckLease}: every write passes the lease, the store's
 * {@code beginActuation} gate is asked (with the change's correlation id) before the handler executes, and a lost
 * lease stops the check with a {@code CheckAbandoned} event, never acting after the loss is known. A failing
 * store call ends the check like a failing extension, as a {@code CheckError} in phase {@code store}.
 */
final class ResourceCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceChecker.class);

  private final CheckServices services;
  private final StoredResource stored;
  private final Resource<ResourceSpec> resource;
  private final ResourceHandler<ResourceSpec, Object> handler;
  private final boolean execute;
  @Nullable private final Claimed claimed;
  @Nullable private final CheckLease lease;
  private boolean paused;
  /** Whether the handler's execute was entered: the check may have acted. */
  private volatile boolean acted;
  private final Instant now;
  private final CheckContext context;
  private final List<ResolverApplication> resolverLog = Collections.synchronizedList(new ArrayList<>());
  /** The resource's state; null until read, and then never saved. */
  private ResourceState state;
  private Resource<ResourceSpec> resolved;
  private Object desired;
  private Object current;
  private ResourceDiff<Object> diff;
  private final List<ResourceEvent> events = new ArrayList<>();

  /**
   * A check of one resource.
   *
   * @param claimed the claim it runs under and what it starts from; null to plan, with nothing executed or recorded
   */
  @SuppressWarnings("unchecked")
  ResourceCheck(CheckServices services, StoredResource stored, ResourceHandler<?, ?> handler, @Nullable Claimed claimed) {
    this.services = services;
    this.stored = stored;
    this.resource = (Resource<ResourceSpec>) stored.resource();
    this.handler = (ResourceHandler<ResourceSpec, Object>) handler;
    this.claimed = claimed;
    this.lease = claimed == null ? null : claimed.lease();
    this.execute = claimed != null;
    this.now = services.clock().instant();
    this.context = new CheckContext(resource.application(), stored.deliveryConfig(), stored.environment(),
        now.plus(services.callTimeout()), services.clock(), services.artifacts());
  }

  private String id() {
    return stored.id();
  }

  private String app() {
    return resource.application();
  }

  /**
   * Runs the check. The resource and its application are in the MDC meanwhile: on this thread, and (carried by the
   * engine's extension calls) on the threads of the calls and of the continuations they complete.
   */
  CompletableFuture<CheckReport> run() {
    try (LogContext.Scope scope = LogContext.resource(id(), app())) {
      return start();
    }
  }

  private CompletableFuture<CheckReport> start() {
    CompletableFuture<CheckReport> checked;
    try {
      paused = claimed != null ? claimed.inputs().paused() : services.guard().isPaused(stored);
      state = claimed != null ? claimed.inputs().state() : services.store().state(id());
      if (execute && claimed.inputs().tasksRunning()) {
        // The engine's own record: tasks it launched are still running, whatever the handler says.
        return CompletableFuture.completedFuture(skipped("tasks launched earlier are still running"));
      }
      checked = call(handler, "actuationInProgress", () -> handler.actuationInProgress(resource, context))
          .thenCompose(inProgress -> Boolean.TRUE.equals(inProgress)
              ? CompletableFuture.completedFuture(skipped("an actuation is in progress"))
              : resolveBoth());
    } catch (RuntimeException e) {
      checked = CompletableFuture.failedFuture(e);
    }
    return checked.exceptionally(this::failed);
  }

  /** Makes a store call of this check; a failure other than a lost lease becomes a {@link StoreFailure}. */
  private <T> T stored(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (LeaseLostException | StoreFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreFailure(what + " of " + id(), e);
    }
  }

  /** Calls an extension about this resource: under the deadline, and never while an earlier call is stuck. */
  private <T> CompletableFuture<T> call(Object extension, String phase, java.util.concurrent.Callable<T> body) {
    if (lease != null) {
      lease.requireHeld(); // a lease lost meanwhile ends the check here
    }
    return services.calls().call(extension, id(), phase, services.callTimeout(), () -> {
      try {
        return body.call();
      } catch (ResourceCurrentlyUnresolvable | ExtensionFailure e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw e;
      } catch (Exception | LinkageError e) {
        throw new ExtensionFailure(phase, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    });
  }

  private CompletableFuture<CheckReport> resolveBoth() {
    CompletableFuture<Object> desiredCall = call(handler, "desired", () -> {
      Resource<ResourceSpec> r = Resolution.resolve(resource, services, context, resolverLog);
      Object d = handler.desired(r, context);
      if (d == null) {
        throw new ExtensionFailure("desired", handler.getClass().getSimpleName() + ".desired returned null", null);
      }
      resolved = r;
      return d;
    });
    CompletableFuture<Object> currentCall = call(handler, "current", () -> handler.current(resource, context));
    return CompletableFuture.allOf(desiredCall, currentCall).handle((ignored, error) -> {
      if (desiredCall.isCompletedExceptionally()) {
        throw new CompletionException(Resolution.cause(desiredCall));
      }
      if (currentCall.isCompletedExceptionally()) {
        throw new CompletionException(Resolution.cause(currentCall));
      }
      desired = desiredCall.join();
      current = currentCall.join();
      return null;
    }).thenCompose(ignored -> compare());
  }

  private CompletableFuture<CheckReport> compare() {
    diff = services.differ().diff(desired, current);
    boolean drift = current == null || diff.hasChanges();
    state = state.withDrift(drift ? diff.fingerprint() : null, now);
    if (!drift) {
      return done(inSync());
    }
    if (paused) {
      event(new ResourceEvent.DriftWhilePaused(id(), app(), now, diff.toDeltaJson(), diff.fingerprint()));
      return done(report(CheckResult.DRIFTED_WHILE_PAUSED, PlannedAction.BLOCKED, "paused", List.of(),
          "Management is paused"));
    }
    CheckReport gaveUp = giveUpPolicy();
    if (gaveUp != null) {
      return done(gaveUp);
    }
    return vetoes(0);
  }

  private CheckReport inSync() {
    ResourceEvent last = claimed != null ? EventRecorder.lastOwn(claimed.history()).orElseGet(() -> stored(
        "read the last event", () -> services.store().lastResourceEvent(id())).orElse(null)) : null;
    boolean wasOff = last instanceof ResourceEvent.DeltaDetected || last instanceof ResourceEvent.Missing
        || last instanceof ResourceEvent.ActuationLaunched || last instanceof ResourceEvent.TaskSucceeded
        || last instanceof ResourceEvent.TaskFailed || last instanceof ResourceEvent.DriftWhilePaused
        || last instanceof ResourceEvent.ActuationVetoed || last instanceof ResourceEvent.DiffNotActionable;
    event(wasOff ? new ResourceEvent.DeltaResolved(id(), app(), now) : new ResourceEvent.Valid(id(), app(), now));
    return report(CheckResult.IN_SYNC, PlannedAction.NONE, null, List.of(), null);
  }

  /** Keel's "unhappy" veto, counted per diff fingerprint, and the action budget, counted whatever the drift. */
  @Nullable
  private CheckReport giveUpPolicy() {
    GiveUpPolicy policy = services.giveUpPolicy();
    List<Instant> recent = state.actionsSince(now.minus(policy.actionWindow()));
    if (recent.size() >= policy.maxActionsPerWindow()) {
      // Not marked as given up: the versions being deployed are not to blame for a fight over the resource.
      return vetoed("give-up policy", recent.size() + " actions in the last " + policy.actionWindow()
          + " have not kept this resource in sync (its drift keeps changing: is something else changing it?);"
          + " no more automatic action until " + recent.get(0).plus(policy.actionWindow()), ResourceStatus.UNHAPPY);
    }
    int n = state.actionsTaken();
    if (n == 0) {
      return null;
    }
    String reason;
    if (n >= policy.maxActions()) {
      state = state.withGiveUp(null, true);
      reason = n + " actions have not fixed this drift; no more automatic action until the drift changes";
    } else if (n < policy.actionsBeforeWaiting()) {
      return null;
    } else if (state.nextActionAllowedAt() == null) {
      state = state.withGiveUp(now.plus(policy.waitBetweenActions()), false);
      reason = n + " action(s) have not fixed this drift yet; trying again after " + state.nextActionAllowedAt();
    } else if (now.isBefore(state.nextActionAllowedAt())) {
      reason = n + " action(s) have not fixed this drift yet; trying again after " + state.nextActionAllowedAt();
    } else {
      state = state.withGiveUp(now.plus(policy.waitBetweenActions()), false);
      return null;
    }
    return vetoed("give-up policy", reason, ResourceStatus.UNHAPPY);
  }

  private CompletableFuture<CheckReport> vetoes(int index) {
    List<Veto> vetoes = services.extensions().vetoes();
    if (index >= vetoes.size()) {
      return willTakeAction();
    }
    Veto veto = vetoes.get(index);
    String name = veto.name();
    return call(veto, "veto " + name, () -> veto.check(resolved, context)).thenCompose(response -> {
      if (response == null) {
        throw new ExtensionFailure("veto " + name, "Veto " + name + " returned null", null);
      }
      if (!response.allowed()) {
        return done(vetoed(name, response.message() == null ? "denied" : response.message(), response.suggestedStatus()));
      }
      return vetoes(index + 1);
    });
  }

  private CheckReport vetoed(String veto, String reason, @Nullable ResourceStatus suggested) {
    state = state.vetoed(veto, reason, suggested, now);
    if (events.stream().noneMatch(e -> e instanceof ResourceEvent.DeltaDetected || e instanceof ResourceEvent.Missing)) {
      reportDrift(); // a veto holds the actuation back, not the news that the resource has drifted
    }
    event(new ResourceEvent.ActuationVetoed(id(), app(), now, veto, reason, suggested));
    return report(CheckResult.VETOED, PlannedAction.BLOCKED, veto, List.of(), reason);
  }

  private CompletableFuture<CheckReport> willTakeAction() {
    return call(handler, "willTakeAction", () -> handler.willTakeAction(resolved, diff)).thenCompose(decision -> {
      if (decision == null) {
        throw new ExtensionFailure("willTakeAction", "willTakeAction returned null", null);
      }
      if (!decision.willAct()) {
        return done(notActionable(decision));
      }
      return planAndExecute();
    });
  }

  private CheckReport notActionable(ActionDecision decision) {
    String why = decision.message() == null ? "the handler declined" : decision.message();
    reportDrift();
    event(new ResourceEvent.DiffNotActionable(id(), app(), now, why));
    return report(CheckResult.NOT_ACTIONABLE, PlannedAction.BLOCKED, "handler", List.of(), why);
  }

  private void reportDrift() {
    event(current == null ? new ResourceEvent.Missing(id(), app(), now)
        : new ResourceEvent.DeltaDetected(id(), app(), now, diff.toDeltaJson(), diff.fingerprint()));
  }

  private CompletableFuture<CheckReport> planAndExecute() {
    return call(handler, "plan", () -> handler.plan(resolved, diff, context)).thenCompose(actuation -> {
      if (actuation == null) {
        throw new ExtensionFailure("plan", "plan returned null; return Actuation.none() for nothing to do", null);
      }
      PlannedAction action = current == null ? PlannedAction.CREATE : PlannedAction.UPDATE;
      CheckResult result = current == null ? CheckResult.MISSING : CheckResult.DRIFTED;
      if (!execute) {
        return done(report(result, action, null, actuation.operations(), null));
      }
      if (actuation.isEmpty()) {
        reportDrift();
        return done(report(result, action, null, List.of(), "The handler planned no operations for this drift"));
      }
      // Pause and the version's promotion state are read again now, not at the start of the check: a
      // person may have paused or vetoed while current() was running.
      ActuationGuard.Hold decision = services.guard().beforeActuation(stored, resolved);
      if (decision.paused()) {
        paused = true;
        event(new ResourceEvent.DriftWhilePaused(id(), app(), now, diff.toDeltaJson(), diff.fingerprint()));
        return done(report(CheckResult.DRIFTED_WHILE_PAUSED, PlannedAction.BLOCKED, "paused", List.of(),
            "Management was paused during the check"));
      }
      if (decision.heldBy() != null) {
        reportDrift();
        return done(vetoed("environment lease", decision.heldBy(), ResourceStatus.WAITING));
      }
      reportDrift();
      // The gate of shared stores: only the holder of a live lease acts, and the change's id is recorded.
      String correlationId = correlationId();
      stored("begin the actuation", () -> {
        lease.requireHeld();
        services.store().beginActuation(id(), lease.lease(), correlationId, services.clock().instant());
        return null;
      });
      return call(handler, "execute", () -> {
        acted = true;
        return handler.execute(resolved, actuation, context);
      }).handle((tasks, error) -> finish(launched(actuation, result, action, tasks, error, correlationId)));
    });
  }

  /**
   * The engine's correlation id of this actuation: the resource and the drift's fingerprint, stable for one change
   * of one resource, so that the same change submitted twice is recognisable.
   */
  private String correlationId() {
    String fingerprint = diff.fingerprint();
    return id() + ":" + fingerprint.substring(0, Math.min(16, fingerprint.length()));
  }

  private CheckReport launched(Actuation actuation, CheckResult result, PlannedAction action,
      @Nullable List<Task> tasks, @Nullable Throwable error, String correlationId) {
    // A failed execute may have changed the cloud; it counts against the give-up policy like a launch.
    List<Task> launched = tasks == null ? List.of() : List.copyOf(tasks);
    state = state.actuated(launched, true, now, services.giveUpPolicy().actionWindow());
    if (error != null) {
      throw new CompletionException(unwrap(error));
    }
    List<String> described = actuation.operations().stream().map(Operation::description).collect(Collectors.toList());
    event(new ResourceEvent.ActuationLaunched(id(), app(), now, handler.getClass().getName(), described, launched));
    for (Task t : launched) {
      if (services.monitors(t)) {
        stored("record task " + t.id(), () -> {
          services.store().saveTask(new TaskRecord(t, id(), app(), now, TaskState.RUNNING, null, null, correlationId),
              lease.lease());
          return null;
        });
      }
    }
    return report(result, action, null, actuation.operations(), null);
  }

  private CheckReport skipped(String why) {
    return new CheckReport(plan(PlannedAction.BLOCKED, ResourceStatus.ACTUATING, why, List.of(), why), null);
  }

  /**
   * Ends a check that failed: a lost lease abandons it; any other failure is recorded as its result. When the
   * store cannot record it either, the failure is still published, and the stage fails with it.
   */
  private CheckReport failed(Throwable error) {
    Throwable e = unwrap(error);
    try {
      if (e instanceof LeaseLostException lost) {
        throw lost;
      }
      return recordFailure(e);
    } catch (LeaseLostException lost) {
      throw abandon(lost);
    } catch (StoreFailure down) {
      services.recorder().publishUnrecorded(new ResourceEvent.CheckError(id(), app(), now, "store",
          down.getCause().getClass().getName(), down.getMessage()));
      throw down;
    }
  }

  /** Stops a check whose lease is lost: logged and recorded (without the lease), never acting afterwards. */
  private LeaseLostException abandon(LeaseLostException lost) {
    String phase = acted ? "after acting" : "before acting";
    LOG.info("Check of {} abandoned {}: {}", id(), phase, lost.getMessage());
    try {
      services.recorder().record(new ResourceEvent.CheckAbandoned(id(), app(), services.clock().instant(),
          lost.lease().owner(), lost.lease().fence(), phase, lost.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Could not record that the check of {} was abandoned: {}", id(), e.toString());
    }
    return lost;
  }

  private CheckReport recordFailure(Throwable e) {
    if (e instanceof DeadlineExceeded d) {
      event(new ResourceEvent.CheckTimedOut(id(), app(), now, d.phase(), d.deadline()));
      return finish(report(CheckResult.TIMED_OUT, PlannedAction.ERROR, null, List.of(), e.getMessage()));
    }
    if (e instanceof CallRefused r) {
      if (r.stuckPhase() != null) {
        event(new ResourceEvent.CallStuck(id(), app(), now, r.stuckPhase(), r.stuckSince()));
      } else {
        event(new ResourceEvent.CheckError(id(), app(), now, r.phase(), CallRefused.class.getName(), r.getMessage()));
      }
      return finish(report(CheckResult.TIMED_OUT, PlannedAction.ERROR, null, List.of(), "stuck: " + e.getMessage()));
    }
    if (e instanceof ResourceCurrentlyUnresolvable) {
      event(new ResourceEvent.CheckUnresolvable(id(), app(), now, String.valueOf(e.getMessage())));
      return finish(report(CheckResult.UNRESOLVABLE, PlannedAction.WAIT, null, List.of(), e.getMessage()));
    }
    String phase = e instanceof ExtensionFailure f ? f.phase() : e instanceof StoreFailure ? "store" : "engine";
    Throwable cause = (e instanceof ExtensionFailure || e instanceof StoreFailure) && e.getCause() != null
        ? e.getCause() : e;
    event(new ResourceEvent.CheckError(id(), app(), now, phase, cause.getClass().getName(), String.valueOf(e.getMessage())));
    if (e instanceof StoreFailure) {
      LOG.warn("Check of {} failed: {}", id(), e.getMessage());
    } else {
      LOG.warn("Check of {} failed in {}", id(), phase, cause);
    }
    return finish(report(CheckResult.ERROR, PlannedAction.ERROR, null, List.of(), phase + ": " + e.getMessage()));
  }

  static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private CompletableFuture<CheckReport> done(CheckReport report) {
    return CompletableFuture.completedFuture(finish(report));
  }

  /**
   * Persists state and history and reschedules, in one store call under the lease, unless only planning; a state
   * never read is not saved. Events that repeat the history read at the start are not recorded again.
   */
  private CheckReport finish(CheckReport report) {
    if (execute && report.result() != null) {
      ResourceState last = finalState(report.result(), report.plan().message()).withArtifactVersion(version());
      Instant next = claimed.next().after(stored, report.result(), last);
      List<ResourceEvent> recorded = services.recorder().unrepeated(events, claimed.history());
      stored("complete the check", () -> {
        services.store().completeCheck(id(), lease.lease(), state == null ? null : last, recorded, next);
        return null;
      });
      services.recorder().published(recorded);
      try {
        services.guard().afterCheck(stored, report, resolved);
      } catch (RuntimeException e) {
        LOG.warn("Check of {} failed in {}", id(), "after check", e);
      }
    }
    return report;
  }

  /** The artifact version the resolvers wrote into the spec, if it deploys one. */
  @Nullable
  private String version() {
    return resolved != null && resolved.spec() instanceof dev.keel.spi.model.ArtifactReferencing a
        ? a.artifactVersion() : null;
  }

  /** The state this check leaves: a veto has already recorded itself, other results are recorded here. */
  private ResourceState finalState(CheckResult result, @Nullable String message) {
    ResourceState base = state != null ? state : ResourceState.initial(id()); // the state could not be read
    return result == CheckResult.VETOED ? base : base.checked(result, now, message);
  }

  private void event(ResourceEvent e) {
    events.add(e);
  }

  private CheckReport report(CheckResult result, PlannedAction action, @Nullable String blockedBy,
      List<Operation> operations, @Nullable String message) {
    ResourceStatus status = ResourceChecker.statusOf(finalState(result, message), paused, false);
    return new CheckReport(plan(action, status, blockedBy, operations, message), result);
  }

  private ResourcePlan plan(PlannedAction action, ResourceStatus status, @Nullable String blockedBy,
      List<Operation> operations, @Nullable String message) {
    return new ResourcePlan(id(), resource.kind(), action, status, desired, current, diff, List.copyOf(resolverLog),
        blockedBy, operations, message);
  }
}
