package dev.keel.engine;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;

/**
 * A scheduler for the tests of the MDC: the engine's work runs on the thread that hands it over, extension calls on
 * one pooled thread of the test's, and no timer fires (the test drives what it makes happen).
 */
final class CallThreadScheduler implements Scheduler {

  private final Instant now;
  private final Executor callThread;

  CallThreadScheduler(Instant now, Executor callThread) {
    this.now = now;
    this.callThread = callThread;
  }

  @Override
  public Clock clock() {
    return Clock.fixed(now, ZoneOffset.UTC);
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
