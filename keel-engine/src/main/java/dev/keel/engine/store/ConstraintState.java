package dev.keel.engine.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A constraint's state for one version in one environment, with who judged it, when and why.
 *
 * @param where the environment and artifact
 * @param version the version
 * @param type the constraint type
 * @param status its status
 * @param createdAt when it was first evaluated
 * @param judgedBy who decided, or null (the evaluator's name for automatic decisions)
 * @param judgedAt when, or null
 * @param comment why, or null
 * @param attributes what the evaluator recorded
 */
public record ConstraintState(EnvironmentArtifact where, String version, String type, ConstraintStatus status,
    Instant createdAt, @Nullable String judgedBy, @Nullable Instant judgedAt, @Nullable String comment,
    Map<String, String> attributes) {

  /** Checks for nulls and copies the attributes. */
  public ConstraintState {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /**
   * A copy with a decision.
   *
   * @param newStatus the status
   * @param by who
   * @param at when
   * @param why the comment, or null
   * @param attrs attributes to record
   * @return the copy
   */
  public ConstraintState judged(ConstraintStatus newStatus, String by, Instant at, @Nullable String why,
      Map<String, String> attrs) {
    return new ConstraintState(where, version, type, newStatus, createdAt, by, at, why, attrs);
  }
}
