package dev.keel.examples.embedding;

import dev.keel.engine.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * How a host lets time pass while it waits for the engine: {@link #polling} on a real scheduler in
 * {@link EmbeddingExample#main}, and by advancing a virtual scheduler in tests, where an hour of delivery takes
 * milliseconds.
 */
@FunctionalInterface
public interface Waiter {

  /**
   * Waits until a condition holds.
   *
   * @param condition what to wait for; it reads the engine, so it is cheap and safe from any thread
   * @param limit the most time to wait, on the scheduler's clock
   * @return whether the condition held within the limit
   */
  boolean await(BooleanSupplier condition, Duration limit);

  /**
   * A waiter that asks the condition again at an interval, on the scheduler's own timers (nothing sleeps), and
   * blocks the calling thread meanwhile. For a real scheduler only: the calling thread would wait for ever for
   * a virtual scheduler that nobody advances.
   *
   * @param scheduler the engine's scheduler
   * @param every how often to ask
   * @return the waiter
   */
  static Waiter polling(Scheduler scheduler, Duration every) {
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(every, "every");
    return (condition, limit) -> {
      CompletableFuture<Boolean> result = new CompletableFuture<>();
      Instant end = scheduler.clock().instant().plus(limit);
      Runnable[] poll = new Runnable[1];
      poll[0] = () -> {
        try {
          if (condition.getAsBoolean()) {
            result.complete(true);
          } else if (!scheduler.clock().instant().isBefore(end)) {
            result.complete(false);
          } else {
            scheduler.schedule(scheduler.clock().instant().plus(every), poll[0]);
          }
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      };
      scheduler.executor().execute(poll[0]);
      return result.join();
    };
  }
}
