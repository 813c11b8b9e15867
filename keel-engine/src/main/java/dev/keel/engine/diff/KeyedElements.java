package dev.keel.engine.diff;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The elements of one side of a KEYED collection, with their key properties, checked for duplicate keys. */
final class KeyedElements {

  private static final int SCAN_LIMIT = 16;

  private final Object[] elements;
  /** Per element, or null when every element has {@link #uniform} keys (one element class, the usual case). */
  private final Property[][] keys;
  private final Property[] uniform;

  private KeyedElements(Object[] elements, Property[][] keys, Property[] uniform) {
    this.elements = elements;
    this.keys = keys;
    this.uniform = uniform;
  }

  static KeyedElements of(Walker w, Collection<?> c, Shape es, Property[] sampleKeys, List<String> keyNames,
      String side) {
    Object[] elements = c.toArray();
    Property[][] keys = null;
    TypeNode last = null;
    Property[] lastKeys = sampleKeys;
    Property[] uniform = null;
    for (int i = 0; i < elements.length; i++) {
      Object e = Walker.unwrap(elements[i]);
      if (e == null) {
        throw new DiffModelException("null element in the " + side + " KEYED collection at " + w.currentPath());
      }
      elements[i] = e;
      TypeNode n = w.nodeOf(e, es);
      if (n != last) {
        last = n;
        lastKeys = keyNames != null && !keyNames.isEmpty() ? resolve(w, n, keyNames) : n.keyProperties;
        if (lastKeys.length == 0) {
          throw new DiffConfigurationException("element " + n.type.getName() + " of the KEYED collection at "
              + w.currentPath() + " has no key properties");
        }
      }
      if (i == 0) {
        uniform = lastKeys;
      } else if (lastKeys != uniform && keys == null) {
        keys = new Property[elements.length][];
        java.util.Arrays.fill(keys, 0, i, uniform);
      }
      if (keys != null) {
        keys[i] = lastKeys;
      }
    }
    KeyedElements out = new KeyedElements(elements, keys, uniform);
    out.checkDuplicates(w, side);
    return out;
  }

  private static Property[] resolve(Walker w, TypeNode n, List<String> names) {
    Property[] out = new Property[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = n.property(names.get(i));
      if (out[i] == null) {
        throw new DiffConfigurationException("key property '" + names.get(i) + "' of the KEYED collection at "
            + w.currentPath() + " does not exist in " + n.type.getName());
      }
    }
    return out;
  }

  int size() {
    return elements.length;
  }

  Object element(int i) {
    return elements[i];
  }

  Property[] keys(int i) {
    return keys == null ? uniform : keys[i];
  }

  boolean sameKey(int i, KeyedElements other, int j) {
    return keysEqual(elements[i], keys(i), other.elements[j], other.keys(j));
  }

  static boolean keysEqual(Object a, Property[] ka, Object b, Property[] kb) {
    if (ka == kb && ka.length == 1 && ka[0].primitive == Property.REF) {
      // The common case: one key property on one element class.
      return ScalarEquivalence.equivalent(ka[0].get(a), ka[0].get(b));
    }
    if (ka.length != kb.length) {
      return false;
    }
    for (int k = 0; k < ka.length; k++) {
      Property pa = ka[k];
      Property pb = kb[k];
      if (pa == pb && pa.primitive != Property.REF) {
        if (!pa.primitiveEquals(a, b)) {
          return false;
        }
      } else if (!pa.name.equals(pb.name) || !ScalarEquivalence.equivalent(pa.get(a), pb.get(b))) {
        return false;
      }
    }
    return true;
  }

  private int keyHash(int i) {
    int h = 1;
    for (Property p : keys(i)) {
      h = 31 * h + p.name.hashCode();
      h = 31 * h + ScalarEquivalence.hash(p.get(elements[i]));
    }
    return h;
  }

  /** Indices sorted by key hash, packed as (hash, index) for allocation-light lookups. */
  private long[] sortedByHash(int from) {
    long[] out = new long[elements.length - from];
    for (int i = from; i < elements.length; i++) {
      out[i - from] = ((long) keyHash(i) << 32) | (i & 0xFFFFFFFFL);
    }
    Arrays.sort(out);
    return out;
  }

  private void checkDuplicates(Walker w, String side) {
    int n = elements.length;
    if (n <= SCAN_LIMIT) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (sameKey(i, this, j)) {
            throw duplicate(w, side, i);
          }
        }
      }
      return;
    }
    long[] sorted = sortedByHash(0);
    for (int a = 0; a < sorted.length; a++) {
      for (int b = a + 1; b < sorted.length && (sorted[b] >>> 32) == (sorted[a] >>> 32); b++) {
        if (sameKey((int) sorted[a], this, (int) sorted[b])) {
          throw duplicate(w, side, (int) sorted[a]);
        }
      }
    }
  }

  private DuplicateKeyException duplicate(Walker w, String side, int i) {
    return new DuplicateKeyException(w.currentPath(), side, w.canonical.selector(elements[i], keys(i)));
  }

  /**
   * For each element of this side from {@code from} on, the index of the element of {@code other} (from
   * {@code from} on) with the same key, or -1.
   */
  int[] match(KeyedElements other, int from) {
    int n = elements.length - from;
    int m = other.elements.length - from;
    int[] out = new int[Math.max(n, 0)];
    Arrays.fill(out, -1);
    if ((long) n * m <= 1024) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          if (sameKey(from + i, other, from + j)) {
            out[i] = from + j;
            break;
          }
        }
      }
      return out;
    }
    long[] sorted = other.sortedByHash(from);
    for (int i = 0; i < n; i++) {
      long h = keyHash(from + i);
      int pos = lowerBound(sorted, h);
      for (int k = pos; k < sorted.length && (sorted[k] >> 32) == h; k++) {
        int j = (int) sorted[k];
        if (sameKey(from + i, other, j)) {
          out[i] = j;
          break;
        }
      }
    }
    return out;
  }

  private static int lowerBound(long[] sorted, long hash) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if ((sorted[mid] >> 32) < hash) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
