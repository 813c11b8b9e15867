package dev.keel.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock for tests that moves only when the test (or a fake it drives) advances it; safe across threads. */
public final class MovingClock extends Clock {

  private final AtomicReference<Instant> now;

  /**
   * A clock at a start time.
   *
   * @param start the time it shows until advanced
   */
  public MovingClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /**
   * Moves the clock.
   *
   * @param d how far; negative moves it back
   */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
