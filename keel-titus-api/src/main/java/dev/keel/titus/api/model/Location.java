package dev.keel.titus.api.model;

import dev.keel.cloud.api.RegionalLocation;
import java.util.Objects;

/**
 * Where a job runs.
 *
 * @param account the Titus account
 * @param region the region
 */
public record Location(String account, String region) implements RegionalLocation {
  /** Checks for nulls. */
  public Location {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
  }
}
