package dev.keel.engine;

/** A person's decision on a stateful constraint, such as a manual judgement, for one version. */
public enum Judgement {
  /** Let the version through the constraint. */
  PASS,
  /** Hold the version back at the constraint. */
  FAIL
}
