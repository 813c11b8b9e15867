package dev.keel.engine.internal.schedule;

import dev.keel.engine.schedule.RateLimit;
import java.time.Duration;
import java.time.Instant;
import javax.annotation.Nullable;

/** The mutable state of one {@link RateLimit}; callers synchronise. */
final class TokenBucket {

  private final RateLimit limit;
  private double tokens;
  private Instant refilledAt;

  TokenBucket(RateLimit limit, Instant now) {
    this.limit = limit;
    this.tokens = limit.burst();
    this.refilledAt = now;
  }

  /** Takes a token if one is available; otherwise returns when the next one will be. */
  @Nullable
  Instant tryTake(Instant now) {
    refill(now);
    if (tokens >= 1) {
      tokens -= 1;
      return null;
    }
    long nanos = (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
    return now.plus(Duration.ofNanos(Math.max(1, nanos)));
  }

  private void refill(Instant now) {
    if (now.isAfter(refilledAt)) {
      double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
      tokens = Math.min(limit.burst(), tokens + elapsed * limit.perSecond());
      refilledAt = now;
    }
  }
}
