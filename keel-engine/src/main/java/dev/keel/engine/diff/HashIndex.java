package dev.keel.engine.diff;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Elements of a large set indexed by a projection hash: a hash over what the walk compares (ignored
 * properties left out, numbers by value, comparators' own hashes, null and empty alike), so elements
 * that differ only in ignored fields land in the same bucket and are then confirmed by a probe walk.
 */
final class HashIndex {

  private final Object[] elements;
  private final long[] sorted;

  private HashIndex(Object[] elements, long[] sorted) {
    this.elements = elements;
    this.sorted = sorted;
  }

  static HashIndex of(Walker w, Object[] elements, Shape es, long state) {
    long[] sorted = new long[elements.length];
    for (int i = 0; i < elements.length; i++) {
      sorted[i] = ((long) hash(w, elements[i], es, state, 0) << 32) | (i & 0xFFFFFFFFL);
    }
    Arrays.sort(sorted);
    return new HashIndex(elements, sorted);
  }

  boolean contains(Walker w, Object probe, Shape es, long state, int flags) {
    long h = hash(w, probe, es, state, 0);
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((sorted[mid] >> 32) < h) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int k = lo; k < sorted.length && (sorted[k] >> 32) == h; k++) {
      Object other = elements[(int) sorted[k]];
      if (w.probe(probe, other, es, state, flags) || w.probe(other, probe, es, state, flags)) {
        return true;
      }
    }
    return false;
  }

  /** Consistent with the walk's equivalence: equivalent values hash alike (collisions are resolved by probes). */
  static int hash(Walker w, Object v, Shape shape, long state, int depth) {
    if (state != 0 && w.rules.accepts(state)) {
      if (w.rules.ignored(state)) {
        return 0;
      }
      ValueComparator c = w.rules.comparator(state);
      if (c != null) {
        Object u = Walker.unwrap(v);
        return u == null ? 0 : c.hash(u);
      }
      if (w.rules.subset(state)) {
        return 0;
      }
    }
    v = Walker.unwrap(v);
    if (v == null || depth > 64) {
      return 0;
    }
    TypeNode n = w.nodeOf(v, shape);
    if (n.normalizeCurrent != null || n.normalizeDesired != null) {
      return 0;
    }
    if (n.comparator != null) {
      return n.comparator.hash(v);
    }
    switch (n.kind) {
      case NUMBER:
        return ScalarEquivalence.numberHash((Number) v);
      case TEMPORAL:
        return ScalarEquivalence.temporalHash(v);
      case BEAN: {
        int h = n.type.hashCode();
        for (Property p : n.properties) {
          if (!p.ignored) {
            long st = state == 0 ? 0 : w.rules.step(state, p.name);
            h = 31 * h + hash(w, p.get(v), p.shape, st, depth + 1);
          }
        }
        return h;
      }
      case MAP: {
        int h = 0;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          String key = Walker.keyText(e.getKey());
          long st = state == 0 ? 0 : w.rules.step(state, key);
          int vh = hash(w, e.getValue(), shape.value, st, depth + 1);
          if (vh != 0) {
            h += key.hashCode() ^ vh;
          }
        }
        return h;
      }
      case COLLECTION:
      case ARRAY: {
        Collection<?> c = Walker.asCollection(v);
        long st = state == 0 ? 0 : w.rules.step(state, null);
        PathRule.Semantics ps = state != 0 ? w.rules.semantics(state) : null;
        CollectionSemantics sem = ps != null ? ps.semantics() : shape.semantics;
        boolean unordered = sem != CollectionSemantics.ORDERED && sem != CollectionSemantics.ATOMIC;
        if (unordered) {
          // Sets collapse duplicates, so only a constant is consistent with their equivalence.
          return c.isEmpty() ? 0 : 7;
        }
        int h = 0;
        for (Object e : c) {
          h = 31 * h + hash(w, e, shape.element, st, depth + 1);
        }
        return h;
      }
      default:
        return v.hashCode();
    }
  }
}
