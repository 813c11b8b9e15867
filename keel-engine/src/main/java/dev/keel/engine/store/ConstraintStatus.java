package dev.keel.engine.store;

/** The persisted status of a constraint for one version in one environment. */
public enum ConstraintStatus {
  /** Reset (a verification to be run again); treated as not yet started. */
  NOT_EVALUATED,
  /** Not decided yet. */
  PENDING,
  /** The evaluator passed it. */
  PASS,
  /** The evaluator failed it (or it timed out). */
  FAIL,
  /** A person passed it. */
  OVERRIDE_PASS,
  /** A person failed it. */
  OVERRIDE_FAIL;

  /**
   * Whether the version may pass this constraint.
   *
   * @return true for PASS and OVERRIDE_PASS
   */
  public boolean passes() {
    return this == PASS || this == OVERRIDE_PASS;
  }

  /**
   * Whether the status is final.
   *
   * @return true unless PENDING or NOT_EVALUATED
   */
  public boolean complete() {
    return this != PENDING && this != NOT_EVALUATED;
  }
}
