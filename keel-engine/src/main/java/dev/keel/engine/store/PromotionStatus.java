package dev.keel.engine.store;

/**
 * Where a version stands in an environment. A version with no record there is {@link #PENDING}.
 *
 * <pre>
 * PENDING -> APPROVED -> DEPLOYING -> CURRENT -> PREVIOUS
 * APPROVED or DEPLOYING -> SKIPPED (a newer version became current first)
 * any but PENDING -> VETOED (marked bad; undone by un-vetoing)
 * </pre>
 */
public enum PromotionStatus {
  /** Waiting for its constraints. */
  PENDING,
  /** Passed its constraints; may be deployed. */
  APPROVED,
  /** An actuation is moving the environment's resources to it. */
  DEPLOYING,
  /** Every resource of the environment that uses the artifact runs it. */
  CURRENT,
  /** Was current; a newer version replaced it. */
  PREVIOUS,
  /** Approved but overtaken by a newer version before it became current. */
  SKIPPED,
  /** Marked bad: never deployed here again unless un-vetoed. */
  VETOED
}
