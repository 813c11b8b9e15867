package dev.keel.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when its {@link VirtualScheduler} advances it. */
final class VirtualClock extends Clock {

  private volatile Instant now;

  VirtualClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
