package dev.keel.engine.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: attempt {@code n} waits a uniformly random time between zero and
 * {@code min(max, base * 2^(n-1))}, so that many failing resources do not retry in lockstep.
 *
 * @param base the ceiling of the first retry's wait
 * @param max the largest ceiling
 */
public record Backoff(Duration base, Duration max) {

  /** Checks the values. */
  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(max, "max");
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("Backoff needs 0 < base <= max; got " + base + " and " + max);
    }
  }

  /**
   * The wait before an attempt.
   *
   * @param attempt 1 for the first retry
   * @param random a source of uniform numbers in [0, 1)
   * @return the wait
   */
  public Duration delay(int attempt, DoubleSupplier random) {
    long ceiling = ceilingNanos(Math.max(1, attempt));
    return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
  }

  /**
   * The largest wait an attempt may get.
   *
   * @param attempt 1 for the first retry
   * @return the ceiling
   */
  public Duration ceiling(int attempt) {
    return Duration.ofNanos(ceilingNanos(Math.max(1, attempt)));
  }

  private long ceilingNanos(int attempt) {
    double grown = base.toNanos() * Math.pow(2, Math.min(attempt - 1, 1_000));
    return (long) Math.min(max.toNanos(), grown);
  }
}
