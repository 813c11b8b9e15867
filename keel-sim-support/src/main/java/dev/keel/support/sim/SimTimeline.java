package dev.keel.support.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The simulator's own event queue on an injected clock. Nothing runs by itself: every call into the
 * simulator first runs the events that are due by the clock's time, in time order, each seeing its own
 * time as "now". So the simulator needs no threads and follows a virtual clock exactly.
 */
public final class SimTimeline {

  private record Event(Instant at, long seq, Runnable action) {}

  private final Clock clock;
  private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
      ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
  private long seq;
  private Instant now;

  /**
   * A timeline on a clock.
   *
   * @param clock the clock that says how far events have run
   */
  public SimTimeline(Clock clock) {
    this.clock = clock;
    this.now = clock.instant();
  }

  /** Runs every event due by the clock. */
  /** Runs every event due by the clock's time, in time order. */
  public void catchUp() {
    Instant target = clock.instant();
    if (target.isBefore(now)) {
      target = now;
    }
    while (!events.isEmpty() && !events.peek().at.isAfter(target)) {
      Event e = events.poll();
      now = e.at.isAfter(now) ? e.at : now;
      e.action.run();
    }
    now = target;
  }

  /** The simulator's current time: the clock's, or an event's while it runs. */
  /**
   * The simulator's time: the clock's, or an event's own time while it runs.
   *
   * @return now
   */
  public Instant now() {
    return now;
  }

  /** Schedules an action; one due now runs at the next catch-up (never inline). */
  /**
   * Schedules an event.
   *
   * @param at when it happens
   * @param action what happens
   */
  public void at(Instant at, Runnable action) {
    events.add(new Event(at.isBefore(now) ? now : at, seq++, action));
  }
}
