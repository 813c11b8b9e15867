package dev.keel.engine;

import dev.keel.engine.internal.promotion.EvaluatorCalls;
import dev.keel.engine.internal.promotion.Promotions;
import dev.keel.engine.internal.schedule.DeadlineCalls;
import dev.keel.engine.internal.schedule.LogContext;
import dev.keel.engine.internal.schedule.Priority;
import dev.keel.engine.internal.schedule.WorkQueue;
import dev.keel.engine.schedule.Scheduler;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each config's promotion checked: periodically, and at once when something changes (a config, a
 * published version, a judgement, pin or veto, a version becoming current). Each run first asks the
 * artifact suppliers for new versions. A config is never checked twice at once. At most four configs are
 * checked at once, but a run waiting for an extension (under its deadline) gives up its slot meanwhile, so a
 * config whose evaluator hangs never delays another.
 */
final class PromotionLoop implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PromotionLoop.class);

  private final EngineConfig config;
  private final DeliveryConfigRepository store;
  private final Scheduler scheduler;
  private final List<ArtifactSupplier> suppliers;
  private final WorkQueue<String> queue;
  private final DeadlineCalls calls;
  /** Whether the current thread runs a config's promotion for this loop (and so holds one of its slots). */
  private final ThreadLocal<Boolean> inRun = ThreadLocal.withInitial(() -> false);
  private final Object lock = new Object();
  private final Promotions promotions;
  private boolean started;
  private boolean closed;

  /** Builds promotion from this loop's trigger (for what changes a config's promotion) and its waiter. */
  @FunctionalInterface
  interface PromotionsFactory {
    Promotions create(Consumer<String> recheckConfig, EvaluatorCalls.Waiter waiter);
  }

  PromotionLoop(EngineConfig config, DeliveryConfigRepository store, Scheduler scheduler, List<ArtifactSupplier> suppliers,
      DeadlineCalls calls, PromotionsFactory promotionsFor) {
    this.calls = calls;
    this.config = config;
    this.store = store;
    this.scheduler = scheduler;
    this.suppliers = List.copyOf(suppliers);
    this.queue = WorkQueue.<String>builder(scheduler, this::promote).maxConcurrency(4).build();
    this.promotions = promotionsFor.create(this::trigger, this::await);
  }

  Promotions promotions() {
    return promotions;
  }

  void start() {
    synchronized (lock) {
      if (started || closed) {
        return;
      }
      started = true;
    }
    triggerAll();
  }

  /** Triggers every stored config; when the store fails, tries again after the promotion check interval. */
  private void triggerAll() {
    try {
      store.deliveryConfigs().forEach(c -> trigger(c.name()));
    } catch (RuntimeException e) {
      LOG.warn("Could not read the delivery configs from the store; trying again in {}: {}",
          config.promotionCheckInterval(), e.toString());
      synchronized (lock) {
        if (closed) {
          return;
        }
      }
      scheduler.schedule(scheduler.clock().instant().plus(config.promotionCheckInterval()), this::triggerAll);
    }
  }

  void trigger(String configName) {
    synchronized (lock) {
      if (!started || closed) {
        return;
      }
    }
    queue.add(configName, scheduler.clock().instant(), Priority.CHANGED);
  }

  private CompletionStage<?> promote(String configName) {
    return CompletableFuture.runAsync(() -> {
      Optional<DeliveryConfig> deliveryConfig;
      try {
        deliveryConfig = store.deliveryConfig(configName);
      } catch (RuntimeException e) {
        // The store failed (a database down): checked again next time, as after a failed check.
        LOG.warn("Could not read delivery config {} for its promotion check: {}", configName, e.toString());
        deliveryConfig = Optional.empty();
        queue.add(configName, scheduler.clock().instant().plus(config.promotionCheckInterval()), Priority.PERIODIC);
      }
      if (deliveryConfig.isEmpty()) {
        return;
      }
      inRun.set(true);
      try (LogContext.Scope scope = LogContext.application(deliveryConfig.get().application(), null)) {
        intake(deliveryConfig.get());
        promotions.check(deliveryConfig.get());
      } catch (RuntimeException e) {
        LOG.error("Promotion check of {} failed", configName, e);
      } finally {
        inRun.set(false);
      }
      queue.add(configName, scheduler.clock().instant().plus(config.promotionCheckInterval()), Priority.PERIODIC);
    }, scheduler.executor());
  }

  /**
   * Waits for an extension call made by promotion. In one of this loop's runs, the run's slot is given up
   * while it waits.
   *
   * @param call the call
   * @param <T> its result type
   * @return its result
   * @throws ExecutionException with the call's failure
   * @throws InterruptedException if interrupted
   */
  <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException {
    if (!inRun.get()) {
      return scheduler.await(call);
    }
    try {
      return queue.whileWaiting(() -> scheduler.await(call));
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ExecutionException(e);
    }
  }

  /** Asks the artifact suppliers for new versions of the config's artifacts. */
  private void intake(DeliveryConfig deliveryConfig) {
    for (var artifact : deliveryConfig.artifacts()) {
      for (ArtifactSupplier supplier : suppliers) {
        if (!supplier.artifactType().equals(artifact.type())) {
          continue;
        }
        try {
          List<ArtifactVersion> latest = await(calls.call(supplier, List.of(supplier.artifactType(), artifact.name()),
              "latestVersions", config.callTimeout(), () -> supplier.latestVersions(artifact, config.maxConsideredVersions())));
          if (latest != null) {
            latest.forEach(v -> promotions.publish(v, List.of(deliveryConfig)));
          }
        } catch (ExecutionException e) {
          LOG.warn("Artifact supplier {} failed for {}", supplier.getClass().getName(), artifact.reference(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          LOG.warn("Artifact supplier {} failed for {}", supplier.getClass().getName(), artifact.reference(), e);
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    queue.close();
  }
}
