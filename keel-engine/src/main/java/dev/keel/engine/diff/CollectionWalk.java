package dev.keel.engine.diff;

import dev.keel.spi.diff.ChangeOp;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Matches and compares collection elements by their semantics. Every strategy first zips both sides in
 * iteration order, which settles the common equal case without allocating; only on the first mismatch
 * are elements copied to arrays and matched, by scan for small collections and by hash for large ones,
 * so matching stays O(n) rather than the O(n·m) that made other differs slow.
 */
final class CollectionWalk {

  /** Above this many element pairs, sets and keyed collections are matched by hash instead of scan. */
  private static final int SCAN_LIMIT = 1024;

  private CollectionWalk() {}

  static boolean walk(Walker w, Collection<?> d, Collection<?> c, Shape shape, long state, int flags,
      PathRule.Semantics pathSemantics) {
    if (d.isEmpty() && c.isEmpty()) {
      return true;
    }
    Shape es = shape.element;
    CollectionSemantics sem = pathSemantics != null ? pathSemantics.semantics() : shape.semantics;
    Property[] keys = null;
    if (sem == CollectionSemantics.KEYED && pathSemantics == null && es.fixed != null) {
      keys = es.fixed.keyProperties;
    } else if (sem == null || sem == CollectionSemantics.KEYED) {
      keys = keysOf(w, d, c, es, pathSemantics);
      if (sem == null) {
        sem = keys.length > 0 ? CollectionSemantics.KEYED
            : d instanceof Set || c instanceof Set ? CollectionSemantics.SET : CollectionSemantics.ORDERED;
      } else if (keys.length == 0) {
        throw new DiffConfigurationException("KEYED collection at " + w.currentPath()
            + " has elements without key properties");
      }
    }
    switch (sem) {
      case ORDERED:
        return ordered(w, d, c, es, state, flags);
      case ATOMIC:
        return atomic(w, d, c, shape, state, flags);
      case SET:
        return set(w, d, c, es, state, flags);
      default:
        return keyed(w, d, c, es, keys, pathSemantics != null ? pathSemantics.keys() : null, state, flags);
    }
  }

  private static Property[] keysOf(Walker w, Collection<?> d, Collection<?> c, Shape es,
      PathRule.Semantics pathSemantics) {
    Object sample = first(d);
    if (sample == null) {
      sample = first(c);
    }
    if (sample == null) {
      return es.fixed != null ? es.fixed.keyProperties : TypeNode.NO_PROPERTIES;
    }
    TypeNode n = w.nodeOf(sample, es);
    if (pathSemantics != null && !pathSemantics.keys().isEmpty()) {
      return resolveKeys(w, n, pathSemantics.keys());
    }
    return n.keyProperties;
  }

  private static Property[] resolveKeys(Walker w, TypeNode n, List<String> names) {
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

  private static Object first(Collection<?> c) {
    for (Object o : c) {
      if (o != null) {
        return Walker.unwrap(o);
      }
    }
    return null;
  }

  private static long elementState(Walker w, long state, byte kind, Object element, Object aux, int idx) {
    if (state == 0) {
      return 0;
    }
    return w.rules.step(state, w.rules.needsText(state) ? w.segmentText(kind, element, aux, idx) : null);
  }

  private static boolean ordered(Walker w, Collection<?> d, Collection<?> c, Shape es, long state, int flags) {
    Iterator<?> di = d.iterator();
    Iterator<?> ci = c.iterator();
    boolean equal = true;
    int i = 0;
    while (di.hasNext() || ci.hasNext()) {
      Object de = di.hasNext() ? di.next() : null;
      Object ce = ci.hasNext() ? ci.next() : null;
      long st = elementState(w, state, Walker.INDEX, null, null, i);
      w.push(Walker.INDEX, null, null, i);
      // Elements beyond the end of one side are compared whole even in DESIRED_SUBSET subtrees.
      boolean eq = de == null && ce != null ? w.emit(ChangeOp.REMOVE, null, ce, es, flags)
          : w.walk(de, ce, es, st, flags);
      w.pop();
      i++;
      if (!eq) {
        if (!w.emitting) {
          return false;
        }
        equal = false;
      }
    }
    return equal;
  }

  private static boolean atomic(Walker w, Collection<?> d, Collection<?> c, Shape shape, long state, int flags) {
    boolean equal = d.size() == c.size();
    if (equal) {
      Iterator<?> di = d.iterator();
      Iterator<?> ci = c.iterator();
      int i = 0;
      while (equal && di.hasNext()) {
        Object de = di.next();
        long st = elementState(w, state, Walker.INDEX, null, null, i);
        w.push(Walker.INDEX, null, null, i);
        equal = w.probe(de, ci.next(), shape.element, st, flags & ~Walker.SUBSET);
        w.pop();
        i++;
      }
    }
    return equal || w.emit(ChangeOp.REPLACE, d, c, shape, flags);
  }

  private static boolean set(Walker w, Collection<?> d, Collection<?> c, Shape es, long state, int flags) {
    int zipped = 0;
    if (d.size() == c.size()) {
      Iterator<?> ci = c.iterator();
      for (Object de : d) {
        if (!w.probe(de, ci.next(), es, elementState(w, state, Walker.MEMBER, de, es, -1), flags & ~Walker.SUBSET)) {
          break;
        }
        zipped++;
      }
      if (zipped == d.size()) {
        return true;
      }
    }
    Object[] da = d.toArray();
    Object[] ca = c.toArray();
    boolean[] dm = new boolean[da.length];
    boolean[] cm = new boolean[ca.length];
    Arrays.fill(dm, 0, zipped, true);
    Arrays.fill(cm, 0, zipped, true);
    int f = flags & ~Walker.SUBSET;
    if ((long) da.length * ca.length <= SCAN_LIMIT) {
      for (int i = zipped; i < da.length; i++) {
        for (int j = 0; j < ca.length; j++) {
          if ((!dm[i] || !cm[j]) && w.probe(da[i], ca[j], es, elementState(w, state, Walker.MEMBER, da[i], es, -1), f)) {
            dm[i] = true;
            cm[j] = true;
          }
        }
      }
      for (int j = zipped; j < ca.length; j++) {
        for (int i = 0; i < da.length && !cm[j]; i++) {
          if (w.probe(da[i], ca[j], es, elementState(w, state, Walker.MEMBER, ca[j], es, -1), f)) {
            cm[j] = true;
          }
        }
      }
    } else {
      HashIndex di = HashIndex.of(w, da, es, state);
      HashIndex ci = HashIndex.of(w, ca, es, state);
      for (int i = zipped; i < da.length; i++) {
        dm[i] = ci.contains(w, da[i], es, state, f);
      }
      for (int j = zipped; j < ca.length; j++) {
        cm[j] = di.contains(w, ca[j], es, state, f);
      }
    }
    boolean equal = true;
    for (int i = 0; i < da.length; i++) {
      if (!dm[i] && !isNull(da[i])) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
        w.pushElement(Walker.MEMBER, Walker.unwrap(da[i]), es, -1, flags);
        w.emit(ChangeOp.ADD, da[i], null, es, flags);
        w.pop();
      }
    }
    for (int j = 0; j < ca.length; j++) {
      if (!cm[j] && !isNull(ca[j])) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
        w.pushElement(Walker.MEMBER, Walker.unwrap(ca[j]), es, j, flags);
        w.emit(ChangeOp.REMOVE, null, ca[j], es, flags);
        w.pop();
      }
    }
    return equal;
  }

  private static boolean isNull(Object o) {
    return Walker.unwrap(o) == null;
  }

  private static boolean keyed(Walker w, Collection<?> d, Collection<?> c, Shape es, Property[] sampleKeys,
      List<String> keyNames, long state, int flags) {
    if ((keyNames == null || keyNames.isEmpty()) && d instanceof List<?> dl && c instanceof List<?> cl
        && d instanceof RandomAccess && c instanceof RandomAccess && dl.size() == cl.size()
        && dl.size() <= ALIGNED_LIMIT && aligned(w, dl, cl, es)) {
      return alignedLists(w, dl, cl, es, state, flags);
    }
    KeyedElements dk = KeyedElements.of(w, d, es, sampleKeys, keyNames, "desired");
    KeyedElements ck = KeyedElements.of(w, c, es, sampleKeys, keyNames, "current");
    boolean equal = true;
    int n = dk.size();
    int m = ck.size();
    int zipped = 0;
    while (zipped < n && zipped < m && dk.sameKey(zipped, ck, zipped)) {
      if (!pair(w, dk, zipped, ck, zipped, es, state, flags)) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
      }
      zipped++;
    }
    if (zipped == n && zipped == m) {
      return equal;
    }
    if (m <= 64) {
      // Small collections, the usual case: scan, with a bit mask for the matched current elements.
      long used = 0;
      for (int i = zipped; i < n; i++) {
        int found = -1;
        for (int j = zipped; j < m && found < 0; j++) {
          if ((used & (1L << j)) == 0 && dk.sameKey(i, ck, j)) {
            found = j;
          }
        }
        if (found >= 0) {
          used |= 1L << found;
        }
        if (!matched(w, dk, i, ck, found, es, state, flags)) {
          equal = false;
          if (!w.emitting) {
            return false;
          }
        }
      }
      for (int j = zipped; j < m; j++) {
        if ((used & (1L << j)) == 0) {
          equal = false;
          if (!w.emitting) {
            return false;
          }
          removed(w, ck, j, es, flags);
        }
      }
      return equal;
    }
    int[] match = dk.match(ck, zipped);
    boolean[] used = new boolean[m];
    for (int i = zipped; i < n; i++) {
      int j = match[i - zipped];
      if (j >= 0) {
        used[j] = true;
      }
      if (!matched(w, dk, i, ck, j, es, state, flags)) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
      }
    }
    for (int j = zipped; j < m; j++) {
      if (!used[j]) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
        removed(w, ck, j, es, flags);
      }
    }
    return equal;
  }

  /** Above this size, checking an aligned list for duplicate keys pairwise costs more than copying it. */
  private static final int ALIGNED_LIMIT = 16;

  /**
   * Keyed lists usually come back from the cloud in the order they were sent. When both sides have the
   * same keys at the same positions they are walked in place, without copying anything.
   */
  private static boolean aligned(Walker w, List<?> d, List<?> c, Shape es) {
    for (int i = 0; i < d.size(); i++) {
      Object de = Walker.unwrap(d.get(i));
      Object ce = Walker.unwrap(c.get(i));
      if (de == null || ce == null
          || !KeyedElements.keysEqual(de, declaredKeys(w, de, es), ce, declaredKeys(w, ce, es))) {
        return false;
      }
    }
    return true;
  }

  private static boolean alignedLists(Walker w, List<?> d, List<?> c, Shape es, long state, int flags) {
    int n = d.size();
    for (int i = 0; i < n; i++) {
      Object a = Walker.unwrap(d.get(i));
      for (int j = i + 1; j < n; j++) {
        Object b = Walker.unwrap(d.get(j));
        if (KeyedElements.keysEqual(a, declaredKeys(w, a, es), b, declaredKeys(w, b, es))) {
          // Keys line up on both sides, so current has the same duplicate; desired is reported.
          throw new DuplicateKeyException(w.currentPath(), "desired", w.canonical.selector(a, declaredKeys(w, a, es)));
        }
      }
    }
    boolean equal = true;
    for (int i = 0; i < n; i++) {
      Object de = Walker.unwrap(d.get(i));
      Property[] keys = declaredKeys(w, de, es);
      long st = elementState(w, state, Walker.KEYED, de, keys, i);
      w.pushElement(Walker.KEYED, de, keys, i, flags);
      boolean eq = w.walk(de, c.get(i), es, st, flags);
      w.pop();
      if (!eq) {
        equal = false;
        if (!w.emitting) {
          return false;
        }
      }
    }
    return equal;
  }

  private static Property[] declaredKeys(Walker w, Object element, Shape es) {
    Property[] keys = w.nodeOf(element, es).keyProperties;
    if (keys.length == 0) {
      throw new DiffConfigurationException("element " + element.getClass().getName() + " of the KEYED collection at "
          + w.currentPath() + " has no key properties");
    }
    return keys;
  }

  /** Walks a matched pair, or reports the desired element as added when {@code j < 0}. */
  private static boolean matched(Walker w, KeyedElements dk, int i, KeyedElements ck, int j, Shape es, long state,
      int flags) {
    if (j >= 0) {
      return pair(w, dk, i, ck, j, es, state, flags);
    }
    if (w.emitting) {
      w.pushElement(Walker.KEYED, dk.element(i), dk.keys(i), -1, flags);
      w.emit(ChangeOp.ADD, dk.element(i), null, es, flags);
      w.pop();
    }
    return false;
  }

  private static void removed(Walker w, KeyedElements ck, int j, Shape es, int flags) {
    w.pushElement(Walker.KEYED, ck.element(j), ck.keys(j), j, flags);
    w.emit(ChangeOp.REMOVE, null, ck.element(j), es, flags);
    w.pop();
  }

  private static boolean pair(Walker w, KeyedElements dk, int i, KeyedElements ck, int j, Shape es, long state,
      int flags) {
    Object de = dk.element(i);
    long st = elementState(w, state, Walker.KEYED, de, dk.keys(i), j);
    w.pushElement(Walker.KEYED, de, dk.keys(i), j, flags);
    boolean eq = w.walk(de, ck.element(j), es, st, flags);
    w.pop();
    return eq;
  }
}
