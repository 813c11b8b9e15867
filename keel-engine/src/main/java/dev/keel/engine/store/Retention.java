package dev.keel.engine.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store keeps what it no longer needs: the history and tasks of a resource no longer managed
 * (and the promotion state of a deleted delivery config) are dropped {@code removedGrace} after it was
 * removed, unless it is managed again meanwhile; every history keeps at most {@code maxEvents} events (and
 * tasks) per resource or application, none older than {@code maxAge}. Incomplete tasks of managed resources
 * are always kept.
 *
 * @param removedGrace how long a removed resource's history stays readable, zero or more
 * @param maxEvents the most events (and tasks) kept per resource and per application, at least 1
 * @param maxAge the age beyond which events and completed tasks are dropped, positive
 */
public record Retention(Duration removedGrace, int maxEvents, Duration maxAge) {

  /** Checks the values. */
  public Retention {
    Objects.requireNonNull(removedGrace, "removedGrace");
    Objects.requireNonNull(maxAge, "maxAge");
    if (removedGrace.isNegative() || maxEvents < 1 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("Retention needs removedGrace >= 0, maxEvents >= 1 and maxAge > 0; got "
          + removedGrace + ", " + maxEvents + ", " + maxAge);
    }
  }

  /**
   * The defaults: removed resources are forgotten after an hour; 500 events per resource, none older than 30 days.
   *
   * @return the default retention
   */
  public static Retention defaults() {
    return new Retention(Duration.ofHours(1), 500, Duration.ofDays(30));
  }
}
