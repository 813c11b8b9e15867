package dev.keel.engine;

import dev.keel.engine.check.FinishedCheck;
import dev.keel.engine.internal.check.ActuationGate;
import dev.keel.engine.internal.check.CheckLease;
import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.internal.check.ResourceChecker;
import dev.keel.engine.internal.freeze.Freezes;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.engine.internal.schedule.Priority;
import dev.keel.engine.internal.schedule.WorkQueue;
import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.CheckInputs;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
import dev.keel.engine.store.ResourceState;
import dev.keel.engine.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps resources checked: claims due checks from the store's schedule into the work queue, runs them
 * through the {@link ResourceChecker}, and reschedules each one (the jittered interval of its kind, back-off
 * after a failure, or the instant a freeze holding it ends). The store stays the source of truth, so
 * several engines sharing one store share the work.
 *
 * <p>Each claim is leased to this instance ({@link EngineConfig#instanceId()}) with the fence the store gave it. From
 * the claim to the reschedule the loop renews the lease: a timer on the scheduler, every third of
 * {@link EngineConfig#claimLease()} while the loop holds claims, renews each claim not renewed for that long, and a
 * renewal that fails marks that check's lease lost, so the check stops before it can act. The check's
 * writes and the reschedule pass the lease. A store that fails (a database down) never stops the loop: a failed
 * claim is retried after the retry back-off, and a check that could not reschedule is left to its lease's expiry.
 */
final class CheckLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CheckLoop.class);

  private final EngineConfig config;
  private final KeelStore store;
  private final Scheduler scheduler;
  private final Freezes freezes;
  private final WorkQueue<String> queue;
  private final Object lock = new Object();
  private final PromotionLoop promotionLoop;
  private final ResourceChecker checker;
  private final CheckObservers observers = new CheckObservers();
  /** This instance's live claims, by resource: a claim is queued, then checked, then released. */
  private final Map<String, Claim> claims = new ConcurrentHashMap<>();
  private Cancellable pumpTimer;
  /** The timer of the next round of lease renewals, while the loop holds claims. Guarded by {@code lock}. */
  private Cancellable renewals;
  private Instant pumpAt;
  private int claimFailures;
  /** Whether a pump is under way, and whether another was asked for meanwhile: one claims at a time. */
  private boolean pumping;
  private boolean pumpAgain;
  private boolean started;
  private boolean closed;

  /**
   * The loop, with promotion and the checker it builds: promotion is handed this loop's trigger, since an
   * approval has resources checked, and the checker is handed promotion's gate.
   */
  CheckLoop(EngineConfig config, KeelStore store, Scheduler scheduler, Freezes freezes,
      Function<Consumer<String>, PromotionLoop> promotionFor, Function<ActuationGate, ResourceChecker> checkerFor) {
    this.config = config;
    this.store = store;
    this.scheduler = scheduler;
    this.freezes = freezes;
    WorkQueue.Builder<String> queueBuilder = WorkQueue.<String>builder(scheduler, this::work)
        .maxConcurrency(config.maxConcurrentChecks())
        .rateGroup(CheckLoop::kindOf)
        .defaultRateLimit(config.defaultRateLimit());
    config.rateLimits().forEach(queueBuilder::rateLimit);
    this.queue = queueBuilder.build();
    this.promotionLoop = promotionFor.apply(this::trigger);
    this.checker = checkerFor.apply(promotionLoop.promotions().gate());
  }

  PromotionLoop promotionLoop() {
    return promotionLoop;
  }

  ResourceChecker checker() {
    return checker;
  }

  CheckObservers observers() {
    return observers;
  }

  /** Checks claimed and due that have not started: the depth of the queue. */
  int waiting() {
    return queue.pendingCount();
  }

  /** Checks running now. */
  int running() {
    return queue.runningCount();
  }

  void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    pump();
  }

  /** Makes a resource due at once and claims it if the loop runs. */
  boolean trigger(String resourceId) {
    if (!store.triggerCheck(resourceId)) {
      return false;
    }
    pump();
    return true;
  }

  /**
   * Claims due checks from the store into the queue, and arms a timer for the next one. When the store fails,
   * logs it and tries again after the retry back-off. One pump runs at a time: a pump asked for while another is
   * under way (a check finishing on another thread) makes that one claim again once it is done.
   */
  void pump() {
    synchronized (lock) {
      if (!started || closed) {
        return;
      }
      if (pumping) {
        pumpAgain = true; // the pump under way claims once more when it is done
        return;
      }
      pumping = true;
    }
    try {
      do {
        synchronized (lock) {
          pumpAgain = false;
        }
        claimAndArm();
        synchronized (lock) {
          if (!pumpAgain || closed) {
            pumping = false;
            return;
          }
        }
      } while (true);
    } catch (RuntimeException | Error e) {
      synchronized (lock) {
        pumping = false;
      }
      throw e;
    }
  }

  /** One pump: claims what fits and is due, and arms the timer for the next. */
  private void claimAndArm() {
    Instant now = scheduler.clock().instant();
    Optional<Instant> next = Optional.empty();
    try {
      // Claims come in batches: the queue is refilled once it holds no more than a round of checks.
      int room = config.maxConcurrentChecks() * 2 - queue.pendingCount() - queue.runningCount();
      if (room >= config.maxConcurrentChecks() || queue.pendingCount() == 0) {
        List<DueCheck> claimed;
        try {
          claimed = store.claimDue(now, room, config.instanceId(), config.claimLease());
        } catch (RuntimeException e) {
          observers.claimed(Duration.between(now, scheduler.clock().instant()), 0, true);
          throw e;
        }
        observers.claimed(Duration.between(now, scheduler.clock().instant()), claimed.size(), false);
        for (DueCheck due : claimed) {
          Claim claim = new Claim(due.resourceId(), due.lease(config.instanceId()), now);
          Claim before = claims.put(due.resourceId(), claim);
          if (before != null) {
            before.release(); // our earlier claim expired and we took it over: that check's lease is lost
          }
        }
        if (!claimed.isEmpty()) {
          armRenewals(now);
          prefetch(claimed, now); // before the checks are queued, which may start them at once
        }
        for (DueCheck due : claimed) {
          queue.add(due.resourceId(), now, due.triggered() ? Priority.CHANGED : Priority.PERIODIC);
        }
        if (claimed.size() < room) {
          next = store.nextDue(); // nothing more is due now: when is it?
        }
      }
    } catch (RuntimeException e) {
      int failures;
      synchronized (lock) {
        failures = ++claimFailures;
      }
      Duration wait = config.retryBackoff().ceiling(failures);
      LOG.warn("Could not claim due checks from the store ({} failure(s) in a row; trying again in {}): {}", failures,
          wait, e.toString());
      armPump(now.plus(wait));
      return;
    }
    synchronized (lock) {
      claimFailures = 0;
    }
    // When the store still has due work the queue is full: completions pump again. Whatever the store says, the
    // loop looks again within a third of the lease: other instances sharing the store add work, and leave claims to
    // expire, without telling this one.
    Instant poll = now.plus(renewEvery());
    armPump(next.filter(n -> n.isAfter(now) && n.isBefore(poll)).orElse(poll));
  }

  private Duration renewEvery() {
    return config.claimLease().dividedBy(3);
  }

  /**
   * Reads what the checks just claimed start from, in one store call, so that each check does not read its own. A
   * store that fails here only leaves each check to read its own.
   */
  private void prefetch(List<DueCheck> claimed, Instant now) {
    try {
      Map<String, CheckInputs> inputs = store.checkInputs(claimed.stream().map(DueCheck::resourceId).toList(),
          ResourceChecker.HISTORY);
      inputs.forEach((id, in) -> {
        Claim claim = claims.get(id);
        if (claim != null) {
          claim.prefetched(in, now);
        }
      });
    } catch (RuntimeException e) {
      LOG.debug("Could not read what {} claimed checks start from; each reads its own", claimed.size(), e);
    }
  }

  /** Arms the renewal timer unless it is armed. */
  private void armRenewals(Instant now) {
    synchronized (lock) {
      if (!closed && renewals == null) {
        renewals = scheduler.schedule(now.plus(renewEvery()), this::renewClaims);
      }
    }
  }

  /**
   * Renews every claim not renewed for a third of the lease (so each has at least two thirds of it left until the
   * next round), marks the lease of each one that cannot be renewed lost, and arms the next round while claims remain.
   */
  private void renewClaims() {
    synchronized (lock) {
      renewals = null;
      if (closed) {
        return;
      }
    }
    Instant now = scheduler.clock().instant();
    for (Claim claim : List.copyOf(claims.values())) {
      if (!claim.renewedAt.isAfter(now.minus(renewEvery()))) {
        claim.renew(now);
      }
    }
    if (!claims.isEmpty()) {
      armRenewals(now);
    }
  }

  /** One claim of this instance: its lease, renewed until the check is rescheduled or the loop closes. */
  private final class Claim {
    final String resourceId;
    final CheckLease lease;
    volatile boolean started;
    volatile Instant renewedAt;
    private volatile boolean released;
    @Nullable private CheckInputs inputs;
    @Nullable private Instant inputsAt;

    Claim(String resourceId, Lease lease, Instant claimedAt) {
      this.resourceId = resourceId;
      this.lease = new CheckLease(resourceId, lease);
      this.renewedAt = claimedAt;
    }

    /** Renews the lease; a failed renewal marks it lost. */
    void renew(Instant now) {
      if (released || lease.isLost()) {
        return;
      }
      String failed;
      try {
        failed = store.renewLease(resourceId, lease.lease(), now, config.claimLease()) ? null
            : "another claim took the check over, or the resource is no longer managed";
      } catch (RuntimeException e) {
        failed = "the store failed: " + e;
      }
      if (failed != null) {
        LOG.warn("Could not renew the lease {} on the check of {}: {}", lease.lease(), resourceId, failed);
        lease.lost("its renewal failed: " + failed);
      } else {
        renewedAt = now;
      }
    }

    void release() {
      released = true;
    }

    synchronized void prefetched(CheckInputs read, Instant at) {
      inputs = read;
      inputsAt = at;
    }

    /**
     * What was read for the check when it was claimed, if that was at most a second ago: a check that waited longer
     * in the queue reads afresh. (The check reads pauses again before acting, and only the lease holder changes the
     * state and tasks it starts from.)
     */
    @Nullable
    synchronized CheckInputs prefetched(Instant now) {
      CheckInputs read = inputs;
      inputs = null;
      return read != null && !inputsAt.plus(PREFETCH_FRESH).isBefore(now) ? read : null;
    }
  }

  /** How long what was read for a claimed check at its claim serves the check instead of a read of its own. */
  private static final Duration PREFETCH_FRESH = Duration.ofSeconds(1);

  private void armPump(Instant at) {
    synchronized (lock) {
      if (closed || (pumpAt != null && !at.isBefore(pumpAt))) {
        return;
      }
      if (pumpTimer != null) {
        pumpTimer.cancel();
      }
      pumpAt = at;
      pumpTimer = scheduler.schedule(at, () -> {
        synchronized (lock) {
          pumpAt = null;
          pumpTimer = null;
        }
        pump();
      });
    }
  }

  private CompletionStage<?> work(String resourceId) {
    Claim claim = claims.get(resourceId);
    if (claim == null) {
      return CompletableFuture.completedFuture(null); // released at close
    }
    claim.started = true;
    Instant startedAt = scheduler.clock().instant();
    CompletableFuture<Optional<CheckReport>> checked;
    try (LogContext.Scope scope = LogContext.resource(resourceId, null)) {
      checked = checker.check(resourceId, claim.lease, this::next, claim.prefetched(scheduler.clock().instant()));
    } catch (RuntimeException e) {
      checked = CompletableFuture.failedFuture(e);
    }
    return checked.handle((report, error) -> {
      try (LogContext.Scope scope = LogContext.resource(resourceId, null)) {
        finished(claim, report, error);
      }
      observers.checkFinished(new FinishedCheck(resourceId, kindOf(resourceId), outcome(report, error),
          Duration.between(startedAt, scheduler.clock().instant())));
      pump();
      return null;
    });
  }

  /** How a check ended, as {@link FinishedCheck#outcome()} names it. */
  private static String outcome(@Nullable Optional<CheckReport> report, @Nullable Throwable error) {
    Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (failure instanceof LeaseLostException) {
      return "ABANDONED";
    }
    if (failure != null || report == null) {
      return "FAILED";
    }
    if (report.isEmpty()) {
      return "UNMANAGED";
    }
    CheckResult result = report.get().result();
    return result == null ? "SKIPPED" : result.name();
  }

  /** Ends a check: its claim is released and the resource rescheduled unless the check did. */
  private void finished(Claim claim, @Nullable Optional<CheckReport> report, @Nullable Throwable error) {
    String resourceId = claim.resourceId;
    claim.release();
    try {
      reschedule(claim, report == null ? null : report.orElse(null), error);
    } catch (LeaseLostException e) {
      LOG.info("Did not reschedule {}: {}", resourceId, e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Could not reschedule {}; its lease {} will expire: {}", resourceId, claim.lease.lease(), e.toString());
    }
    claims.remove(resourceId, claim);
  }

  /**
   * Reschedules a check that did not reschedule itself: one that failed (after back-off) or was skipped (after the
   * interval). A check with a result rescheduled itself as it ended ({@link #next}); one whose lease was lost
   * reschedules nothing.
   */
  private void reschedule(Claim claim, @Nullable CheckReport report, @Nullable Throwable error) {
    String resourceId = claim.resourceId;
    Lease lease = claim.lease.lease();
    Instant now = scheduler.clock().instant();
    Throwable failure = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (failure instanceof LeaseLostException) {
      return; // abandoned: the store holds the lease of another claim, or none
    }
    if (failure != null) {
      LOG.warn("Check of {} failed: {}", resourceId, failure.toString());
      store.reschedule(resourceId, lease, now.plus(config.retryBackoff().ceiling(1)));
      return;
    }
    if (report == null || report.result() != null) {
      return; // no longer managed, or rescheduled as it ended
    }
    store.reschedule(resourceId, lease, now.plus(jittered(config.checkInterval(kindOf(resourceId)),
        draws(resourceId, now))));
  }

  /**
   * When a checked resource is next due: after back-off when the check failed, else after the jittered interval of
   * its kind, or the moment the freeze that held it back ends if that is sooner.
   */
  private Instant next(StoredResource stored, CheckResult result, ResourceState state) {
    String resourceId = stored.id();
    Instant now = scheduler.clock().instant();
    if (result == CheckResult.ERROR || result == CheckResult.TIMED_OUT) {
      int attempt = Math.max(1, state.consecutiveErrors());
      return now.plus(config.retryBackoff().delay(attempt, draws(resourceId, now)::nextDouble));
    }
    Instant next = now.plus(jittered(config.checkInterval(kindOf(resourceId)), draws(resourceId, now)));
    if (result == CheckResult.VETOED && Freezes.NAME.equals(state.vetoedBy())) {
      // A frozen resource is checked again the moment its freeze ends (the queue's rate limits still pace it).
      Optional<Instant> thaw = freezes.frozenUntil(stored.deliveryConfig(), stored.environment(), stored.resource());
      if (thaw.isPresent() && thaw.get().isBefore(next)) {
        next = thaw.get();
      }
    }
    return next;
  }

  private Duration jittered(Duration interval, SplittableRandom draws) {
    double factor = 1 + config.jitter() * (2 * draws.nextDouble() - 1);
    return Duration.ofNanos((long) (interval.toNanos() * factor));
  }

  /**
   * Random draws for one resource's reschedule at one instant, from the engine's seed. Drawn per resource
   * rather than from one shared sequence, so that a run repeats exactly whatever order concurrent checks
   * finish in, while different resources (and instances with different seeds) still spread out.
   */
  private SplittableRandom draws(String resourceId, Instant now) {
    long key = resourceId.hashCode() * 0x9E3779B97F4A7C15L ^ now.getEpochSecond() * 0xC2B2AE3D27D4EB4FL ^ now.getNano();
    return new SplittableRandom(config.randomSeed() ^ key);
  }

  /** The {@code group/kind} of a resource, read off its id ({@code group:kind:specId}) without asking the store. */
  private static String kindOf(String resourceId) {
    int first = resourceId.indexOf(':');
    int second = first < 0 ? -1 : resourceId.indexOf(':', first + 1);
    return second < 0 ? "" : resourceId.substring(0, first) + "/" + resourceId.substring(first + 1, second);
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (pumpTimer != null) {
        pumpTimer.cancel();
      }
      if (renewals != null) {
        renewals.cancel();
      }
    }
    queue.close();
    // Claims whose check never started go back to the store at once; running checks are abandoned, their leases
    // left to expire.
    for (Claim claim : List.copyOf(claims.values())) {
      claim.release();
      if (!claim.started && claims.remove(claim.resourceId, claim)) {
        try {
          store.reschedule(claim.resourceId, claim.lease.lease(), scheduler.clock().instant());
        } catch (RuntimeException e) {
          LOG.info("Could not release the claim of {} at close; its lease will expire: {}", claim.resourceId, e.toString());
        }
      }
    }
  }
}
