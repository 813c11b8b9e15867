package dev.keel.engine.diff;

import java.util.function.UnaryOperator;

/**
 * The compiled plan for one runtime class. Built once under the compiler's lock, then only read;
 * fields are published through the compiler's concurrent map.
 */
final class TypeNode {

  static final Property[] NO_PROPERTIES = new Property[0];

  final Class<?> type;
  final Kind kind;
  Property[] properties = NO_PROPERTIES;
  /** The element key of this class, from {@code @DiffKey} or configured for the class; empty if none. */
  Property[] keyProperties = NO_PROPERTIES;
  ValueComparator comparator;
  UnaryOperator<Object> normalizeDesired;
  UnaryOperator<Object> normalizeCurrent;
  /** A record whose {@code equals} is the one the compiler generates (structural over components). */
  boolean generatedEquals;
  boolean anyIgnored;
  /** {@code equals()} proves there is no diff below, and is worth trying (no ignores or normalisers below). */
  boolean fastEquals;

  TypeNode(Class<?> type, Kind kind) {
    this.type = type;
    this.kind = kind;
  }

  Property property(String name) {
    for (Property p : properties) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return kind + " " + type.getName();
  }
}
