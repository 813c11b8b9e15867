package dev.keel.titus.api.spec;

import java.util.List;
import java.util.Objects;

/**
 * The image a cluster's container resolved to, written in by the image resolver.
 *
 * @param repository the registry repository, {@code organization/image}
 * @param digest the image digest
 * @param tags every tag of that digest (except {@code latest}), sorted
 */
public record ResolvedImage(String repository, String digest, List<String> tags) {

  /** Checks and copies. */
  public ResolvedImage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
    tags = tags == null ? List.of() : tags.stream().filter(t -> !"latest".equals(t)).sorted().toList();
  }

  /**
   * Keel's version of a digest: its only tag, else (none or several tags) the digest's first 7 characters
   * after the algorithm.
   *
   * @return the version
   */
  public String version() {
    if (tags.size() == 1) {
      return tags.get(0);
    }
    String hex = digest.contains(":") ? digest.substring(digest.indexOf(':') + 1) : digest;
    return hex.substring(0, Math.min(7, hex.length()));
  }
}
