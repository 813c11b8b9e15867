package dev.keel.engine.diff;

/** How a runtime class is walked. */
enum Kind {
  NUMBER,
  STRING,
  BOOLEAN,
  ENUM,
  TEMPORAL,
  /** Another value type, compared with {@code equals}. */
  SCALAR,
  BEAN,
  MAP,
  COLLECTION,
  ARRAY,
  OPTIONAL,
  JSON;

  boolean isScalar() {
    return ordinal() <= SCALAR.ordinal();
  }
}
