package dev.keel.engine.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
   * Where calls into extensions run. A call that ignores its deadline's interrupt keeps its thread until it
   * returns, so these threads should not be ones the engine's own loops need (and should be daemon threads,
   * which cannot keep the JVM alive). The engine's {@link #executor()} by default.
   *
   * @return the executor
   */
  default Executor callExecutor() {
    return executor();
  }

  /**
   * Interrupts the thread of a call abandoned at its deadline. A virtual scheduler counts the thread as
   * busy from this moment, not from when it wakes, so time cannot move on while it is still returning.
   *
   * @param thread the call's thread
   */
  default void interrupt(Thread thread) {
    thread.interrupt();
  }

  /**
   * Blocks the calling thread until a call completes. The engine waits like this only for calls that
   * complete by themselves or at their deadline (its loops' waits, and blocking methods such as
   * {@code plan}). A scheduler with real time and threads just waits; a virtual scheduler counts a waiting
   * worker as idle, and on its driver's own thread runs the work and moves time on to its timers (call
   * deadlines) until the call is done.
   *
   * @param call the call
   * @param <T> its result type
   * @return its result
   * @throws ExecutionException with the call's failure
   * @throws InterruptedException if the thread is interrupted, such as by {@link #close()}
   */
  default <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException {
    return call.get();
  }

  /** Stops timers and threads; tasks not yet run are dropped. */
  @Override
  void close();
}
