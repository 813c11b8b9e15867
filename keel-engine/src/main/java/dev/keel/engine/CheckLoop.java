package dev.keel.engine;

import dev.keel.engine.internal.check.ActuationGate;
import dev.keel.engine.internal.check.CheckLease;
import dev.keel.engine.internal.check.CheckReport;
import dev.keel.engine.internal.check.ResourceChecker;
import dev.keel.engine.internal.freeze.Freezes;
import dev.keel.engine.internal.schedule.Priority;
import dev.keel.engine.internal.schedule.WorkQueue;
import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DueCheck;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Lease;
import dev.keel.engine.store.LeaseLostException;
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
 * the claim to the reschedule the loop renews the lease every third of {@link EngineConfig#claimLease()} on the
 * scheduler; a renewal that fails marks the check's lease lost, so the check stops before it can act. The check's
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
  /** This instance's live claims, by resource: a claim is queued, then checked, then released. */
  private final Map<String, Claim> claims = new ConcurrentHashMap<>();
  private Cancellable pumpTimer;
  private Instant pumpAt;
  private int claimFailures;
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
   * logs it and tries again after the retry back-off.
   */
  void pump() {
    synchronized (lock) {
      if (!started || closed) {
        return;
      }
    }
    Instant now = scheduler.clock().instant();
    Optional<Instant> next;
    try {
      int room = config.maxConcurrentChecks() * 2 - queue.pendingCount() - queue.runningCount();
      if (room > 0) {
        for (DueCheck due : store.claimDue(now, room, config.instanceId(), config.claimLease())) {
          Claim claim = new Claim(due.resourceId(), due.lease(config.instanceId()));
          Claim before = claims.put(due.resourceId(), claim);
          if (before != null) {
            before.release(); // our earlier claim expired and we took it over: that check's lease is lost
          }
          claim.arm(now);
          queue.add(due.resourceId(), now, due.triggered() ? Priority.CHANGED : Priority.PERIODIC);
        }
      }
      next = store.nextDue();
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

  /** One claim of this instance: its lease, renewed until the check is rescheduled or the loop closes. */
  private final class Claim {
    final String resourceId;
    final CheckLease lease;
    volatile boolean started;
    private Cancellable renewal;
    private boolean released;

    Claim(String resourceId, Lease lease) {
      this.resourceId = resourceId;
      this.lease = new CheckLease(resourceId, lease);
    }

    /** Renews the lease and arms the next renewal; a failed renewal marks the lease lost. */
    void renew() {
      synchronized (this) {
        if (released) {
          return;
        }
      }
      Instant now = scheduler.clock().instant();
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
        return;
      }
      arm(now);
    }

    synchronized void arm(Instant now) {
      if (!released) {
        renewal = scheduler.schedule(now.plus(renewEvery()), this::renew);
      }
    }

    synchronized void release() {
      released = true;
      if (renewal != null) {
        renewal.cancel();
      }
    }
  }

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
    CompletableFuture<Optional<CheckReport>> checked;
    try {
      checked = checker.check(resourceId, claim.lease);
    } catch (RuntimeException e) {
      checked = CompletableFuture.failedFuture(e);
    }
    return checked.handle((report, error) -> {
      claim.release();
      try {
        reschedule(claim, report == null ? null : report.orElse(null), error);
      } catch (LeaseLostException e) {
        LOG.info("Did not reschedule {}: {}", resourceId, e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Could not reschedule {}; its lease {} will expire: {}", resourceId, claim.lease.lease(), e.toString());
      }
      claims.remove(resourceId, claim);
      pump();
      return null;
    });
  }

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
    if (report == null) {
      return; // no longer managed
    }
    CheckResult result = report.result();
    Duration wait;
    if (result == CheckResult.ERROR || result == CheckResult.TIMED_OUT) {
      int attempt = Math.max(1, store.state(resourceId).consecutiveErrors());
      wait = config.retryBackoff().delay(attempt, draws(resourceId, now)::nextDouble);
    } else {
      wait = jittered(config.checkInterval(kindOf(resourceId)), draws(resourceId, now));
    }
    Instant next = now.plus(wait);
    if (result == CheckResult.VETOED && Freezes.NAME.equals(store.state(resourceId).vetoedBy())) {
      // A frozen resource is checked again the moment its freeze ends (the queue's rate limits still pace it).
      Optional<StoredResource> stored = store.resource(resourceId);
      Optional<Instant> thaw = stored.flatMap(r -> freezes.frozenUntil(r.deliveryConfig(), r.environment(), r.resource()));
      if (thaw.isPresent() && thaw.get().isBefore(next)) {
        next = thaw.get();
      }
    }
    store.reschedule(resourceId, lease, next);
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
