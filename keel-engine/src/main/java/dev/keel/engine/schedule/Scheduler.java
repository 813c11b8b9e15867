package dev.keel.engine.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Time and threads for the engine. The engine never sleeps or reads the system clock: it asks its
 * scheduler for the time, for timers, and for an executor. {@link SystemScheduler} uses real threads and
 * timers; keel-testkit's virtual scheduler runs the same engine on virtual time.
 */
public interface Scheduler extends AutoCloseable {

  /**
   * The clock all times come from.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * Runs a task on {@link #executor()} once the clock reaches an instant.
   *
   * @param at when to run; an instant in the past runs as soon as possible
   * @param task the task
   * @return a handle to cancel it
   */
  Cancellable schedule(Instant at, Runnable task);

  /**
   * Where work runs, including calls into extensions that may block.
   *
   * @return the executor
   */
  Executor executor();

  /**
   * Waits for the result of work running on this scheduler, as the engine's blocking calls (such as
   * {@code plan}) do. A scheduler with real time and threads just waits; one whose time moves only when its
   * caller moves it runs the work, and moves time on to its timers (call deadlines), until the result is in.
   *
   * @param future the work's result
   * @param <T> the result type
   * @return the result
   * @throws java.util.concurrent.CompletionException if the work failed
   */
  default <T> T await(CompletableFuture<T> future) {
    return future.join();
  }

  /** Stops timers and threads; tasks not yet run are dropped. */
  @Override
  void close();
}
