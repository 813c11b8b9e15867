package dev.keel.engine.store;

/** The outcome of a resource's last check, as persisted in its {@link ResourceState}. */
public enum CheckResult {
  /** Desired and current agree. */
  IN_SYNC,
  /** They differ; the engine acted or will act. */
  DRIFTED,
  /** The resource does not exist; the engine created it or will. */
  MISSING,
  /** Drifted, but management is paused. */
  DRIFTED_WHILE_PAUSED,
  /** Desired state cannot be computed yet. */
  UNRESOLVABLE,
  /** A step failed. */
  ERROR,
  /** A step overran its deadline. */
  TIMED_OUT,
  /** A veto stopped the actuation. */
  VETOED,
  /** The handler declined to act. */
  NOT_ACTIONABLE
}
