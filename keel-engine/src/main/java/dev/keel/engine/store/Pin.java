package dev.keel.engine.store;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A version pinned in an environment: it is the desired version there whatever is approved, bypassing
 * constraints, until unpinned.
 *
 * @param where the environment and artifact
 * @param version the pinned version
 * @param pinnedBy who
 * @param at when
 * @param comment why, at most 255 characters, or null
 */
public record Pin(EnvironmentArtifact where, String version, String pinnedBy, Instant at, @Nullable String comment) {

  /** Checks the values. */
  public Pin {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(pinnedBy, "pinnedBy");
    Objects.requireNonNull(at, "at");
    if (comment != null && comment.length() > 255) {
      throw new IllegalArgumentException("A pin comment may be at most 255 characters");
    }
  }
}
