package dev.keel.titus.spec;

import javax.annotation.Nullable;

/**
 * Keel's managed rollout (a Netflix-only Orca stage). Accepted so that Keel's configs read, but it must stay
 * disabled: this plugin deploys region by region, staggered when asked.
 *
 * @param enabled must be false
 * @param selectionStrategy {@code ALPHABETICAL} or {@code OFF_PEAK}, ignored
 */
public record ManagedRolloutConfig(boolean enabled, @Nullable String selectionStrategy) {

  /** Rejects an enabled rollout. */
  public ManagedRolloutConfig {
    if (enabled) {
      throw new IllegalArgumentException("managedRollout.enabled is not supported by the Titus plugin (it needs"
          + " Netflix's managedRollout stage): remove it and use deployWith.stagger to deploy region by region");
    }
  }
}
