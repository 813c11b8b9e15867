package dev.keel.spi.model;

import javax.annotation.Nullable;

/**
 * Limits an artifact to versions built from some branches or from pull requests.
 *
 * @param branch the branch filter, or null
 * @param pullRequestOnly whether only versions built from pull requests count
 */
public record ArtifactOriginFilter(@Nullable BranchFilter branch, boolean pullRequestOnly) {

  /** Checks that the filter selects something. */
  public ArtifactOriginFilter {
    if (branch == null && !pullRequestOnly) {
      throw new IllegalArgumentException("An artifact 'from' filter needs a 'branch' or 'pullRequestOnly: true'");
    }
  }
}
