package dev.keel.cloud.api.deploy;

import java.time.Duration;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One region's deploy within a (possibly staggered) deploy.
 *
 * @param region the region
 * @param after the region whose deploy must have succeeded first, or null to start at once
 * @param window hours in which the deploy may start, or null
 * @param pauseAfter how long to wait after the deploy before the next region starts, or null
 */
public record DeployWave(String region, @Nullable String after, @Nullable HourWindow window,
    @Nullable Duration pauseAfter) {

  /** Checks for nulls. */
  public DeployWave {
    Objects.requireNonNull(region, "region");
  }
}
