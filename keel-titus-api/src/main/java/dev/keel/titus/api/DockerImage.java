package dev.keel.titus.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One tag of an image in the Titus account's registry; several tags can share a digest.
 *
 * @param repository {@code organization/image}
 * @param tag the tag
 * @param digest the digest
 * @param createdAt when the tag was pushed
 */
public record DockerImage(String repository, String tag, String digest, Instant createdAt) {
  /** Checks for nulls. */
  public DockerImage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
