package dev.keel.engine;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;

/**
 * A scheduler for tests that drive the engine by hand: the engine's work runs on the thread that hands it over,
 * extension calls on the executor the test gives (one pooled thread of its own, or the same thread), and no timer
 * fires (the test drives what it makes happen).
 */
final class CallThreadScheduler implements Scheduler {

  private final Clock clock;
  private final Executor callThread;

  CallThreadScheduler(Instant now, Executor callThread) {
    this(Clock.fixed(now, ZoneOffset.UTC), callThread);
  }

  CallThreadScheduler(Clock clock, Executor callThread) {
    this.clock = clock;
    this.callThread = callThread;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    return () -> { };
  }

  @Override
  public Executor executor() {
    return Runnable::run;
  }

  @Override
  public Executor callExecutor() {
    return callThread;
  }

  @Override
  public void close() {}
}
