package dev.keel.titus.api.model;

import java.util.Objects;

/**
 * The image a job runs, by digest (tags move, digests do not).
 *
 * @param repository the registry repository, {@code organization/image}
 * @param digest the digest
 */
public record ContainerImage(String repository, String digest) {
  /** Checks for nulls. */
  public ContainerImage {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(digest, "digest");
  }
}
