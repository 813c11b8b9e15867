package dev.keel.cloud.api.deploy;

import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One region of a staggered deploy: deployed after the regions listed before it, only in some hours, and
 * followed by a pause.
 *
 * @param region the region
 * @param hours the allowed hours as {@code "H-H"}, or null
 * @param pauseTime how long to wait after this region before the next, or null
 */
public record StaggeredRegion(String region, @Nullable String hours, @Nullable Duration pauseTime) {

  /** Checks that at least one of hours and pause time is given. */
  public StaggeredRegion {
    Objects.requireNonNull(region, "stagger needs a region");
    if (hours == null && pauseTime == null) {
      throw new IllegalArgumentException("Staggered region " + region + " needs 'hours' or 'pauseTime' (or both)");
    }
    if (hours != null) {
      HourWindow.parse(hours);
    }
    if (pauseTime != null && pauseTime.isNegative()) {
      throw new IllegalArgumentException("Staggered region " + region + " has a negative pauseTime " + pauseTime);
    }
  }

  /**
   * The allowed hours.
   *
   * @return the window, or null when any hour is allowed
   */
  @Nullable
  public HourWindow window() {
    return hours == null ? null : HourWindow.parse(hours);
  }
}
