package dev.keel.spring.autoconfigure;

import java.time.Duration;

/** How long history is kept. Part of {@link KeelProperties}. */
public class RetentionProperties {
  private Duration removedGrace = Duration.ofHours(1);
  private int maxEvents = 500;
  private Duration maxAge = Duration.ofDays(30);

  /** @return how long a removed resource's history stays */
  public Duration getRemovedGrace() {
    return removedGrace;
  }

  /** @param grace how long a removed resource's history stays */
  public void setRemovedGrace(Duration grace) {
    this.removedGrace = grace;
  }

  /** @return the most events kept per resource */
  public int getMaxEvents() {
    return maxEvents;
  }

  /** @param maxEvents the most events kept per resource */
  public void setMaxEvents(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** @return the age beyond which events are dropped */
  public Duration getMaxAge() {
    return maxAge;
  }

  /** @param maxAge the age beyond which events are dropped */
  public void setMaxAge(Duration maxAge) {
    this.maxAge = maxAge;
  }
}
