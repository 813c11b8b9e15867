package dev.keel.engine;

import dev.keel.engine.internal.check.ActuationGate;
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
import dev.keel.engine.store.StoredResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
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
  private Cancellable pumpTimer;
  private Instant pumpAt;
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
        .rateGroup(this::kindOf)
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

  /** Claims due checks from the store into the queue, and arms a timer for the next one. */
  void pump() {
    synchronized (lock) {
      if (!started || closed) {
        return;
      }
    }
    Instant now = scheduler.clock().instant();
    int room = config.maxConcurrentChecks() * 2 - queue.pendingCount() - queue.runningCount();
    if (room > 0) {
      for (DueCheck due : store.claimDue(now, room, config.instanceId(), config.claimLease())) {
        queue.add(due.resourceId(), now, due.triggered() ? Priority.CHANGED : Priority.PERIODIC);
      }
    }
    // When the store still has due work the queue is full: completions pump again.
    store.nextDue().filter(next -> next.isAfter(now)).ifPresent(this::armPump);
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
    return checker.check(resourceId).handle((report, error) -> {
      try {
        reschedule(resourceId, report == null ? null : report.orElse(null), error);
      } catch (RuntimeException e) {
        LOG.error("Could not reschedule {}", resourceId, e);
      }
      pump();
      return null;
    });
  }

  private void reschedule(String resourceId, @Nullable CheckReport report, @Nullable Throwable error) {
    Instant now = scheduler.clock().instant();
    if (error != null) {
      LOG.error("Check of {} failed inside the engine", resourceId, error);
      store.reschedule(resourceId, config.instanceId(), now.plus(config.retryBackoff().ceiling(1)));
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
    store.reschedule(resourceId, config.instanceId(), next);
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

  private String kindOf(String resourceId) {
    return store.resource(resourceId).map(r -> r.resource().kind().group() + "/" + r.resource().kind().kind()).orElse("");
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
  }
}
