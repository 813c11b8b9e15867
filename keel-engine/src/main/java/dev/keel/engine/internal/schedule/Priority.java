package dev.keel.engine.internal.schedule;

/** How urgent queued work is; among ready work, higher priorities start first. */
public enum Priority {
  /** A periodic recheck. */
  PERIODIC,
  /** A retry after an error. */
  RETRY,
  /** Something changed: a new config, an approval, a pin, a veto, a recheck request. */
  CHANGED
}
