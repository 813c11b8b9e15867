package dev.keel.engine.schedule;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs calls into extensions on the scheduler's executor under a deadline on the scheduler's clock. A
 * call that overruns completes with {@link DeadlineExceeded} and its thread is interrupted; the engine
 * moves on without it, so a hanging extension never stops the loop.
 */
public final class DeadlineCalls {

  private final Scheduler scheduler;

  /**
   * Calls on a scheduler.
   *
   * @param scheduler where calls run and deadlines are timed
   */
  public DeadlineCalls(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Runs a call.
   *
   * @param phase the call's name, for the time-out's message
   * @param timeout how long it may take
   * @param body the call
   * @param <T> its result type
   * @return its result, or {@link DeadlineExceeded} when it overran, or the exception it threw
   */
  public <T> CompletableFuture<T> call(String phase, Duration timeout, Callable<T> body) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<Thread> runner = new AtomicReference<>();
    Object guard = new Object(); // orders the interrupt before the runner's reset, so it cannot hit a later task
    Cancellable timer = scheduler.schedule(scheduler.clock().instant().plus(timeout), () -> {
      synchronized (guard) {
        if (result.completeExceptionally(new DeadlineExceeded(phase, timeout))) {
          Thread t = runner.get();
          if (t != null) {
            t.interrupt();
          }
        }
      }
    });
    scheduler.executor().execute(() -> {
      if (result.isDone()) {
        return;
      }
      runner.set(Thread.currentThread());
      try {
        result.complete(body.call());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      } finally {
        timer.cancel();
        synchronized (guard) {
          runner.set(null);
          // An interrupt meant for an abandoned call must not leak into the pool's next task.
          Thread.interrupted();
        }
      }
    });
    return result;
  }
}
