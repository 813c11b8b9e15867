package dev.keel.engine.diff;

/**
 * The compiled plan for a declared (generic) type: what a property, element or map value is declared
 * as. Runtime values are dispatched on their own class; the shape adds what only the declaration knows
 * (element types, default collection semantics) and whether {@code equals()} is a sound shortcut.
 */
final class Shape {

  /** The shape of {@code Object}: everything decided at run time. */
  static final Shape UNTYPED = new Shape(Object.class, null);

  final Class<?> raw;
  /** The plan when the declared type has exactly one possible runtime class, else null. */
  final TypeNode fixed;
  Shape element = UNTYPED;
  Shape value = UNTYPED;
  /** Declared default semantics for a collection, or null to decide at run time. */
  CollectionSemantics semantics;
  boolean fastEquals;
  /**
   * The last plans looked up for values of this shape, one slot per side because desired and current
   * often differ in implementation class (LinkedHashSet against HashSet). Volatile: written only on a
   * miss, and the plans they point to were fully built before they were published.
   */
  volatile TypeNode lastDesired;
  volatile TypeNode lastCurrent;

  static {
    // Field initialisers ran while UNTYPED was still null.
    UNTYPED.element = UNTYPED;
    UNTYPED.value = UNTYPED;
  }

  Shape(Class<?> raw, TypeNode fixed) {
    this.raw = raw;
    this.fixed = fixed;
  }

  @Override
  public String toString() {
    return "Shape[" + raw.getName() + "]";
  }
}
