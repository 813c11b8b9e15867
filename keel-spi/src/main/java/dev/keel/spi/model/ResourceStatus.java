package dev.keel.spi.model;

/**
 * The status of a managed resource, in Keel's vocabulary. The engine derives it from the resource's
 * persisted state; vetoes may suggest one (such as {@link #MISSING_DEPENDENCY}).
 */
public enum ResourceStatus {
  /** Desired and current agree. */
  HAPPY,
  /** A difference was found and is about to be acted on. */
  DIFF,
  /** An actuation is running. */
  ACTUATING,
  /** Repeated actuations did not converge, or a veto stopped them. */
  UNHAPPY,
  /** A resource this one depends on does not exist yet. */
  MISSING_DEPENDENCY,
  /** Desired state cannot be computed yet, for example no artifact version is approved. */
  CURRENTLY_UNRESOLVABLE,
  /** The last check failed with an error. */
  ERROR,
  /** Actuation is paused for the resource or its application. */
  PAUSED,
  /** Newly created and waiting for what it needs, such as a first approved version. */
  WAITING,
  /** A difference exists but the handler declined to act on it. */
  DIFF_NOT_ACTIONABLE,
  /** A change freeze holds actuation back; drift is still reported. */
  FROZEN,
  /** Just submitted; not checked yet. */
  CREATED,
  /** Not known. */
  UNKNOWN
}
