package dev.keel.spi.diff;

/** What a {@link Change} asks of the cloud, in reconciliation terms. */
public enum ChangeOp {
  /** Present in desired, absent in current: it must be created. */
  ADD,
  /** Present only in current: it must be deleted (or is something the cloud filled in). */
  REMOVE,
  /** Present in both with different values. */
  REPLACE,
  /** Present in both as different types, such as two subtypes of a polymorphic property. */
  TYPE_CHANGED
}
