package dev.keel.engine.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: at most {@code burst} starts at once, refilled at {@code perSecond} starts per second.
 * Protects a cloud API from the engine.
 *
 * @param perSecond sustained starts per second, more than zero
 * @param burst the most starts at once, at least one
 */
public record RateLimit(double perSecond, int burst) {

  /** Checks the values. */
  public RateLimit {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("A rate limit needs a positive, finite rate; got " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("A rate limit needs a burst of at least 1; got " + burst);
    }
  }

  /**
   * No practical limit.
   *
   * @return a very large bucket
   */
  public static RateLimit unlimited() {
    return new RateLimit(1e9, 1_000_000_000);
  }

  /**
   * A limit of so many starts per period, all of which may happen at once.
   *
   * @param starts starts per period
   * @param period the period
   * @return the limit
   */
  public static RateLimit of(int starts, Duration period) {
    Objects.requireNonNull(period, "period");
    return new RateLimit(starts / (period.toNanos() / 1e9), starts);
  }
}
