package dev.keel.engine.store;

/** What a {@link Pause} covers. */
public enum PauseScope {
  /** Every resource of an application. */
  APPLICATION,
  /** One resource. */
  RESOURCE,
  /** An override letting a resource or environment through a change freeze (not a pause). */
  FREEZE_OVERRIDE
}
