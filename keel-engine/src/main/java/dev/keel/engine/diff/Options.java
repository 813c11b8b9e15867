package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The builder's options, frozen. */
record Options(
    ObjectMapper mapper,
    PathRules rules,
    Map<Class<?>, List<String>> ignoredProperties,
    Map<Class<?>, List<String>> keys,
    List<TypeEntry<ValueComparator>> comparators,
    List<TypeEntry<UnaryOperator<Object>>> desiredNormalizers,
    List<TypeEntry<UnaryOperator<Object>>> currentNormalizers,
    boolean nullEqualsEmpty,
    int maxDepth,
    boolean shortcuts,
    byte[] fingerprintSalt) {

  /** A type-keyed option; the last registered entry whose type is assignable wins. */
  record TypeEntry<V>(Class<?> type, V value) {}

  static <V> V lookup(List<TypeEntry<V>> entries, Class<?> type) {
    V found = null;
    for (TypeEntry<V> e : entries) {
      if (e.type().isAssignableFrom(type)) {
        found = e.value();
      }
    }
    return found;
  }

  /** Whether normalisers can make equal references differ, which rules out reference and equals() shortcuts. */
  boolean asymmetricNormalizers() {
    return !desiredNormalizers.equals(currentNormalizers);
  }
}
