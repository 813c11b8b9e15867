package dev.keel.cloud.api.spec;

import javax.annotation.Nullable;

/**
 * Keel's managed rollout (a Netflix-only Orca stage). Accepted so that configs read, but it must stay
 * disabled: the cluster plugins deploy region by region, staggered when asked.
 *
 * @param enabled must be false
 * @param selectionStrategy {@code ALPHABETICAL} or {@code OFF_PEAK}, ignored
 */
public record ManagedRolloutConfig(boolean enabled, @Nullable String selectionStrategy) {

  /** Rejects an enabled rollout. */
  public ManagedRolloutConfig {
    if (enabled) {
      throw new IllegalArgumentException("managedRollout.enabled is not supported by the Keel SDK's cluster plugins (it needs"
          + " Netflix's managedRollout stage): remove it and use deployWith.stagger to deploy region by region");
    }
  }
}
