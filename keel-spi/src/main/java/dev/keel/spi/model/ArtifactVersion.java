package dev.keel.spi.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One published version of an artifact.
 *
 * @param type the artifact type, such as {@code deb}
 * @param name the artifact name
 * @param version the version as published, such as {@code fnord-1.2.3-h4.abcdef} or a Docker tag
 * @param createdAt when it was built, or null if unknown
 * @param branch the branch it was built from, or null
 * @param metadata further build and source metadata (commit, build number, pull request)
 */
public record ArtifactVersion(
    String type,
    String name,
    String version,
    @Nullable Instant createdAt,
    @Nullable String branch,
    Map<String, String> metadata) {

  /** Copies the metadata. */
  public ArtifactVersion {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
