package dev.keel.engine.plan;

/** What the engine would do for a resource. */
public enum PlannedAction {
  /** Nothing: the resource is in sync. */
  NONE,
  /** Create the resource, which does not exist. */
  CREATE,
  /** Update the resource to remove drift. */
  UPDATE,
  /** Nothing, although the resource drifted: a veto, a pause or the handler stops it. */
  BLOCKED,
  /** Nothing yet: the desired state cannot be computed, such as before a version is approved. */
  WAIT,
  /** Nothing: the check failed or timed out. */
  ERROR
}
