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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.Nullable;

/**
 * The production scheduler: one timer thread, a pool of worker threads for the engine's own work, and a
 * separate pool for calls into extensions; both pools grow with demand and shrink when idle. Threads are
 * created on first use, never in the constructor. Their names tell them apart: {@code <name>-timer-N},
 * {@code <name>-worker-N} and {@code <name>-call-N}.
 *
 * <p>{@link #close()} stops the timer and the workers (the engine's own threads) and interrupts the call
 * threads without waiting for them: a call that ignores interruption (a blocking socket read, say) cannot
 * be stopped from outside, so its thread lives on until the call returns. All threads are daemon threads,
 * so such a call never keeps the JVM from exiting.
 */
public final class SystemScheduler implements Scheduler {

  private final Clock clock;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutorService workers;
  private final ExecutorService calls;
  /** The engine's own threads (timer and workers), which close() waits for; not the call threads. */
  private final Set<Thread> own = ConcurrentHashMap.newKeySet();

  /**
   * A scheduler on a clock.
   *
   * @param clock the clock; timers fire when it reaches their instant
   * @param name a prefix for thread names
   */
  public SystemScheduler(Clock clock, String name) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timers = new ScheduledThreadPoolExecutor(1, threads(name + "-timer", own));
    this.timers.setRemoveOnCancelPolicy(true);
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threads(name + "-worker", own));
    this.calls = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        threads(name + "-call", null));
  }

  private static ThreadFactory threads(String prefix, @Nullable Set<Thread> own) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      if (own != null) {
        own.removeIf(old -> !old.isAlive());
        own.add(t);
      }
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

  @Override
  public Executor callExecutor() {
    return calls::execute;
  }

  /**
   * Stops the timer and interrupts the workers and the calls, waiting at most a second for the timer and
   * the workers (which only wait on calls, interruptibly) and not at all for the calls.
   */
  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
    calls.shutdownNow();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      timers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      workers.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      // A terminated pool's threads may still be on their way out.
      for (Thread t : own) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left > 0 && t != Thread.currentThread()) {
          t.join(left);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
