package dev.keel.engine.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The production scheduler: one timer thread and a pool of worker threads that grows with demand and
 * shrinks when idle. Threads are created on first use, never in the constructor, and all of them stop on
 * {@link #close()}.
 */
public final class SystemScheduler implements Scheduler {

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutorService workers;

  /**
   * A scheduler on a clock.
   *
   * @param clock the clock; timers fire when it reaches their instant
   * @param name a prefix for thread names
   */
  public SystemScheduler(Clock clock, String name) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = new ScheduledThreadPoolExecutor(1, threads(name + "-timer"));
    this.timers.setRemoveOnCancelPolicy(true);
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threads(name + "-worker"));
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toNanos());
    try {
      ScheduledFuture<?> f = timers.schedule(() -> execute(task), delay, TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    } catch (RejectedExecutionException e) {
      return () -> { };
    }
  }

  private void execute(Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      // closed: drop
    }
  }

  @Override
  public Executor executor() {
    return this::execute;
  }

  /** Stops the timer and interrupts the workers, waiting a few seconds for them to end. */
  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
    try {
      timers.awaitTermination(5, TimeUnit.SECONDS);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
