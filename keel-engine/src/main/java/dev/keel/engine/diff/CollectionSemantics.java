package dev.keel.engine.diff;

/**
 * How the elements of a collection are matched between desired and current.
 *
 * <p>Defaults: a {@code Set} is {@link #SET}; a collection whose element type has {@code @DiffKey}
 * properties (or keys configured with {@link DifferBuilder#keyed(Class, String...)}) is {@link #KEYED};
 * a list of scalars or of untyped values is {@link #ORDERED}; a list of records or beans without a key is
 * {@link #ATOMIC}, because positional matching of objects reports shifted-element noise.
 */
public enum CollectionSemantics {
  /** Unordered, duplicates collapse; elements match when equivalent after ignores and comparators. */
  SET,
  /** Elements match by their key properties; changes are reported under {@code [key=value]} selectors. */
  KEYED,
  /** Positional: element {@code i} of desired is compared with element {@code i} of current. */
  ORDERED,
  /** Compared as a whole: any difference is one {@code REPLACE} of the collection. */
  ATOMIC
}
