package dev.keel.spring.api;

/** A write through Keel's REST API, as a {@link KeelAuthorizer} is asked about it. */
public enum WriteAction {
  /** Submit (create or replace) a delivery config. */
  SUBMIT,
  /** Delete a delivery config. */
  DELETE,
  /** Pause an application or a resource. */
  PAUSE,
  /** Resume an application or a resource. */
  RESUME,
  /** Pin a version in an environment. */
  PIN,
  /** Remove a pin. */
  UNPIN,
  /** Mark a version bad in an environment. */
  VETO,
  /** Undo a veto. */
  UNVETO,
  /** Judge a stateful constraint, such as a manual judgement. */
  JUDGE
}
