package dev.keel.engine.internal.schedule;

import dev.keel.engine.schedule.Cancellable;
import dev.keel.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * A single-threaded scheduler the test drives by hand: the clock moves only with {@link #advanceTo}, and
 * submitted work runs only when {@link #runOne()} or {@link #runAll()} is called, in submission order.
 */
final class ManualScheduler implements Scheduler {

  private Instant now;
  private long seq;
  private final PriorityQueue<Object[]> timers = new PriorityQueue<>((a, b) -> {
    int c = ((Instant) a[0]).compareTo((Instant) b[0]);
    return c != 0 ? c : Long.compare((Long) a[1], (Long) b[1]);
  });
  private final Deque<Runnable> work = new ArrayDeque<>();

  ManualScheduler(Instant start) {
    this.now = start;
  }

  @Override
  public Clock clock() {
    return new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  @Override
  public Cancellable schedule(Instant at, Runnable task) {
    Object[] timer = {at, seq++, task, false};
    timers.add(timer);
    return () -> timer[3] = true;
  }

  @Override
  public Executor executor() {
    return work::addLast;
  }

  boolean runOne() {
    Runnable r = work.pollFirst();
    if (r == null) {
      return false;
    }
    r.run();
    return true;
  }

  void runAll() {
    while (runOne()) {
      // keep going
    }
  }

  int queuedWork() {
    return work.size();
  }

  void advanceTo(Instant target) {
    while (!timers.isEmpty() && !((Instant) timers.peek()[0]).isAfter(target)) {
      Object[] t = timers.poll();
      if (!(Boolean) t[3]) {
        if (((Instant) t[0]).isAfter(now)) {
          now = (Instant) t[0];
        }
        work.addLast((Runnable) t[2]);
      }
    }
    if (target.isAfter(now)) {
      now = target;
    }
  }

  Instant now() {
    return now;
  }

  @Override
  public void close() {}
}
