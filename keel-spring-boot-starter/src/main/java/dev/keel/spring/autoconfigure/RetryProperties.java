package dev.keel.spring.autoconfigure;

import java.time.Duration;

/** The back-off after failed checks. Part of {@link KeelProperties}. */
public class RetryProperties {
  private Duration base = Duration.ofSeconds(10);
  private Duration max = Duration.ofMinutes(10);

  /** @return the first delay */
  public Duration getBase() {
    return base;
  }

  /** @param base the first delay */
  public void setBase(Duration base) {
    this.base = base;
  }

  /** @return the longest delay */
  public Duration getMax() {
    return max;
  }

  /** @param max the longest delay */
  public void setMax(Duration max) {
    this.max = max;
  }
}
