package dev.keel.engine.store;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A version's promotion state in one environment.
 *
 * @param where the environment and artifact
 * @param version the version
 * @param status its status
 * @param approvedAt when it was approved, or null
 * @param deployedAt when it became current, or null
 * @param replacedBy the version that replaced or overtook it, or null
 * @param replacedAt when, or null
 * @param statusBeforeVeto what it was before being vetoed (restored by un-vetoing), or null
 * @param vetoedBy who vetoed it, or null
 * @param vetoComment why, or null
 * @param rollbackOf for a version the environment fell back to after a veto, the vetoed version; such a
 *     version is not vetoed automatically in turn, which stops cascades of rollbacks
 */
public record PromotionRecord(
    EnvironmentArtifact where,
    String version,
    PromotionStatus status,
    @Nullable Instant approvedAt,
    @Nullable Instant deployedAt,
    @Nullable String replacedBy,
    @Nullable Instant replacedAt,
    @Nullable PromotionStatus statusBeforeVeto,
    @Nullable String vetoedBy,
    @Nullable String vetoComment,
    @Nullable String rollbackOf) {

  /** Checks for nulls. */
  public PromotionRecord {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(status, "status");
  }

  /**
   * A newly approved version.
   *
   * @param where the environment and artifact
   * @param version the version
   * @param at when
   * @return the record
   */
  public static PromotionRecord approved(EnvironmentArtifact where, String version, Instant at) {
    return new PromotionRecord(where, version, PromotionStatus.APPROVED, at, null, null, null, null, null, null, null);
  }

  /**
   * A copy with another status.
   *
   * @param newStatus the status
   * @return the copy
   */
  public PromotionRecord withStatus(PromotionStatus newStatus) {
    return new PromotionRecord(where, version, newStatus, approvedAt, deployedAt, replacedBy, replacedAt,
        statusBeforeVeto, vetoedBy, vetoComment, rollbackOf);
  }

  /**
   * A copy that became current.
   *
   * @param at when
   * @return the copy
   */
  public PromotionRecord current(Instant at) {
    return new PromotionRecord(where, version, PromotionStatus.CURRENT, approvedAt, deployedAt == null ? at : deployedAt,
        null, null, statusBeforeVeto, vetoedBy, vetoComment, rollbackOf);
  }

  /**
   * A copy replaced by a newer version.
   *
   * @param status PREVIOUS or SKIPPED
   * @param by the newer version
   * @param at when
   * @return the copy
   */
  public PromotionRecord replaced(PromotionStatus status, String by, Instant at) {
    return new PromotionRecord(where, version, status, approvedAt, deployedAt, by, at, statusBeforeVeto, vetoedBy,
        vetoComment, rollbackOf);
  }

  /**
   * A vetoed copy.
   *
   * @param by who
   * @param comment why
   * @return the copy
   */
  public PromotionRecord vetoed(String by, @Nullable String comment) {
    return new PromotionRecord(where, version, PromotionStatus.VETOED, approvedAt, deployedAt, replacedBy, replacedAt,
        status, by, comment, rollbackOf);
  }

  /**
   * An un-vetoed copy, restored to its status before the veto.
   *
   * @return the copy
   */
  public PromotionRecord unvetoed() {
    PromotionStatus restored = statusBeforeVeto == null || statusBeforeVeto == PromotionStatus.DEPLOYING
        ? PromotionStatus.APPROVED : statusBeforeVeto;
    return new PromotionRecord(where, version, restored, approvedAt, deployedAt, replacedBy, replacedAt, null, null,
        null, rollbackOf);
  }

  /**
   * A copy marked as the fallback after a veto of another version.
   *
   * @param vetoed the vetoed version
   * @return the copy
   */
  public PromotionRecord rollbackOf(String vetoed) {
    return new PromotionRecord(where, version, status, approvedAt, deployedAt, replacedBy, replacedAt, statusBeforeVeto,
        vetoedBy, vetoComment, vetoed);
  }
}
