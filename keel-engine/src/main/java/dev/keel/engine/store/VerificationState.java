package dev.keel.engine.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A verification's state for one version in one environment.
 *
 * @param where the environment and artifact
 * @param version the version verified
 * @param verificationId the verification's id
 * @param status PENDING while running, then PASS or FAIL, or a person's override
 * @param startedAt when it started
 * @param endedAt when it finished, or null
 * @param metadata what the evaluator's start returned, and its last attributes
 * @param judgedBy who overrode it, or null
 */
public record VerificationState(EnvironmentArtifact where, String version, String verificationId,
    ConstraintStatus status, Instant startedAt, @Nullable Instant endedAt, Map<String, String> metadata,
    @Nullable String judgedBy) {

  /** Checks for nulls and copies the metadata. */
  public VerificationState {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(verificationId, "verificationId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }
}
