package dev.keel.store.jdbc.it;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * One host's view of a shared virtual scheduler: the same clock and threads, but each timer fires up to 200 ms late,
 * by a seeded random amount, as the timers of separate hosts never fire in lockstep. Without it, instances that arm
 * a timer for the same instant would always fire in the order they armed it, and the same one would always claim
 * first. Closing it leaves the shared scheduler running.
 */
final class HostTimers implements Scheduler {

  private static final long MAX_LATE_NANOS = Duration.ofMillis(200).toNanos();

  private final Scheduler shared;
  private final Random late;

  HostTimers(Scheduler shared, long seed) {
    this.shared = shared;
    this.late = new Random(seed);
  }

  @Override
  public Clock clock() {
    return shared.clock();
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    long nanos;
    synchronized (late) {
      nanos = (long) (late.nextDouble() * MAX_LATE_NANOS);
    }
    return shared.schedule(at.plusNanos(nanos), task);
  }

  @Override
  public Executor executor() {
    return shared.executor();
  }

  @Override
  public Executor callExecutor() {
    return shared.callExecutor();
  }

  @Override
  public void interrupt(Thread thread) {
    shared.interrupt(thread);
  }

  @Override
  public <T> T await(CompletableFuture<T> call) throws ExecutionException, InterruptedException {
    return shared.await(call);
  }

  @Override
  public void close() {
    // the shared scheduler is closed by its owner
  }
}
