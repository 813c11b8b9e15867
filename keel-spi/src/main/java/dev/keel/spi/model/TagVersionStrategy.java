package dev.keel.spi.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the version of a Docker image is read from its tag, and so how tags are ordered.
 */
public enum TagVersionStrategy {
  /** Tags are increasing integers. */
  INCREASING_TAG("increasing-tag"),
  /** Tags are semantic versions, {@code v1.2.3} or {@code 1.2.3}. */
  SEMVER_TAG("semver-tag"),
  /** Tags look like {@code master-h5.blah}: branch, then job number; ordered by job number. */
  BRANCH_JOB_COMMIT_BY_JOB("branch-job-commit-by-job"),
  /** Tags look like {@code v1.12.3-rc.1-h1196.49b8dc5}: ordered by the semantic version. */
  SEMVER_JOB_COMMIT_BY_SEMVER("semver-job-commit-by-semver"),
  /** Tags look like {@code v1.12.3-rc.1-h1196.49b8dc5}: ordered by the job number. */
  SEMVER_JOB_COMMIT_BY_JOB("semver-job-commit-by-job");

  private final String friendlyName;

  TagVersionStrategy(String friendlyName) {
    this.friendlyName = friendlyName;
  }

  /**
   * The name used in configs, such as {@code semver-tag}.
   *
   * @return the name
   */
  public String friendlyName() {
    return friendlyName;
  }

  /**
   * Finds a strategy by its config name.
   *
   * @param name such as {@code increasing-tag}
   * @return the strategy
   * @throws IllegalArgumentException naming the valid choices if none matches
   */
  public static TagVersionStrategy fromFriendlyName(String name) {
    for (TagVersionStrategy s : values()) {
      if (s.friendlyName.equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown tagVersionStrategy '" + name + "': expected one of "
        + Arrays.stream(values()).map(TagVersionStrategy::friendlyName).collect(Collectors.joining(", ")));
  }
}
