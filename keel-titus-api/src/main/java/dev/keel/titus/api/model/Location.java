package dev.keel.titus.api.model;

import java.util.Objects;

/**
 * Where a job runs.
 *
 * @param account the Titus account
 * @param region the region
 */
public record Location(String account, String region) {
  /** Checks for nulls. */
  public Location {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
  }
}
