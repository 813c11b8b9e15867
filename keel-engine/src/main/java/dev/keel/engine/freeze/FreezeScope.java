package dev.keel.engine.freeze;

/** What an operator's freeze covers. */
public enum FreezeScope {
  /** Every resource. */
  GLOBAL,
  /** Resources in one cloud account. */
  ACCOUNT,
  /** Resources of one application. */
  APPLICATION
}
