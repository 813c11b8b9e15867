package dev.keel.spring.autoconfigure;

/** A rate limit: {@code per-second} starts, bursts of up to {@code burst}. Part of {@link KeelProperties}. */
public class RateProperties {
  private double perSecond;
  private int burst = 1;

  /** @return starts per second */
  public double getPerSecond() {
    return perSecond;
  }

  /** @param perSecond starts per second */
  public void setPerSecond(double perSecond) {
    this.perSecond = perSecond;
  }

  /** @return the burst */
  public int getBurst() {
    return burst;
  }

  /** @param burst the burst */
  public void setBurst(int burst) {
    this.burst = burst;
  }
}
