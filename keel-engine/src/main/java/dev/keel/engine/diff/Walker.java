package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.keel.spi.diff.ChangeOp;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One diff in progress: walks desired and current together along the compiled plans, keeping the path
 * as a stack of typed segments that is only rendered when a change is emitted, so that the equal path
 * allocates nothing per node. In probe mode (emit off) it stops at the first difference.
 */
final class Walker {

  static final int SENSITIVE = 1;
  static final int SUBSET = 2;

  static final byte PROP = 0;
  static final byte KEY = 1;
  static final byte INDEX = 2;
  static final byte KEYED = 3;
  static final byte MEMBER = 4;
  /** An element of a sensitive collection: its selector would show the secret, so it renders as a mask. */
  static final byte MASKED = 5;

  final PlanCompiler plans;
  final PathRules rules;
  final Canonical canonical;
  private final boolean nullEqualsEmpty;
  /** False when asymmetric normalisers could make an object differ from itself. */
  final boolean shortcuts;
  private final int maxDepth;
  boolean emitting;

  private Object[] seg = new Object[16];
  private Object[] aux = new Object[16];
  private int[] index = new int[16];
  private byte[] kind = new byte[16];
  private int depth;
  private ArrayList<ChangeRecord> changes;

  Walker(PlanCompiler plans, Options options, Canonical canonical, boolean emitting) {
    this.plans = plans;
    this.rules = options.rules();
    this.canonical = canonical;
    this.nullEqualsEmpty = options.nullEqualsEmpty();
    this.shortcuts = options.shortcuts() && !options.asymmetricNormalizers();
    this.maxDepth = options.maxDepth();
    this.emitting = emitting;
  }

  List<ChangeRecord> changes() {
    return changes == null ? List.of() : changes;
  }

  /** Compares two values at the current path; true when equivalent. */
  boolean walk(Object d, Object c, Shape shape, long state, int flags) {
    if (d == c && shortcuts) {
      return true;
    }
    ValueComparator pathComparator = null;
    PathRule.Semantics pathSemantics = null;
    if (state != 0 && rules.accepts(state)) {
      if (rules.ignored(state)) {
        return true;
      }
      if (rules.subset(state)) {
        flags |= SUBSET;
      }
      pathComparator = rules.comparator(state);
      pathSemantics = rules.semantics(state);
    }
    d = unwrap(d);
    c = unwrap(c);
    TypeNode dn = d == null ? null : desiredNode(d, shape);
    TypeNode cn = c == null ? null : currentNode(c, shape);
    if (dn != null && dn.normalizeDesired != null) {
      d = unwrap(dn.normalizeDesired.apply(d));
      dn = d == null ? null : nodeOf(d, shape);
    }
    if (cn != null && cn.normalizeCurrent != null) {
      c = unwrap(cn.normalizeCurrent.apply(c));
      cn = c == null ? null : nodeOf(c, shape);
    }
    if (d == null || c == null) {
      if (d == c) {
        return true;
      }
      if (nullEqualsEmpty && isEmpty(d != null ? d : c, d != null ? dn : cn)) {
        return true;
      }
      if (d == null && (flags & SUBSET) != 0) {
        return true;
      }
      return emit(d == null ? ChangeOp.REMOVE : ChangeOp.ADD, d, c, shape, flags);
    }
    ValueComparator comparator = pathComparator;
    if (comparator == null && dn.comparator != null && dn.comparator == cn.comparator) {
      comparator = dn.comparator;
    }
    if (comparator != null) {
      return comparator.equivalent(d, c) || emit(ChangeOp.REPLACE, d, c, shape, flags);
    }
    if (dn != cn && !sameFamily(dn, cn, d, c)) {
      return emit(ChangeOp.TYPE_CHANGED, d, c, shape, flags);
    }
    switch (dn.kind) {
      case NUMBER:
        return ScalarEquivalence.numbersEqual((Number) d, (Number) c) || emit(ChangeOp.REPLACE, d, c, shape, flags);
      case TEMPORAL:
        return ScalarEquivalence.temporalEqual(d, c) || emit(ChangeOp.REPLACE, d, c, shape, flags);
      case BEAN:
        if (state == 0 && dn.fastEquals && shortcuts && d.equals(c)) {
          return true;
        }
        return walkBean(d, c, dn, state, flags);
      case MAP:
        if (state == 0 && shape.fastEquals && shortcuts && d.equals(c)) {
          return true;
        }
        return walkMap((Map<?, ?>) d, (Map<?, ?>) c, shape, state, flags);
      case COLLECTION:
      case ARRAY:
        if (state == 0 && dn.kind == Kind.COLLECTION && cn.kind == Kind.COLLECTION && shape.fastEquals && shortcuts
            && pathSemantics == null && d.equals(c)) {
          return true;
        }
        return CollectionWalk.walk(this, asCollection(d), asCollection(c), shape, state, flags, pathSemantics);
      default:
        return d.equals(c) || emit(ChangeOp.REPLACE, d, c, shape, flags);
    }
  }

  /** Whether two values are equivalent, without emitting (used to match set elements). */
  boolean probe(Object d, Object c, Shape shape, long state, int flags) {
    boolean saved = emitting;
    emitting = false;
    try {
      return walk(d, c, shape, state, flags);
    } finally {
      emitting = saved;
    }
  }

  private boolean walkBean(Object d, Object c, TypeNode n, long state, int flags) {
    boolean equal = true;
    for (Property p : n.properties) {
      if (p.ignored) {
        continue;
      }
      long st = state == 0 ? 0 : rules.step(state, p.name);
      int f = p.sensitive ? flags | SENSITIVE : flags;
      boolean eq;
      if (p.primitive != Property.REF && st == 0 && plainLeaf(p.shape)) {
        eq = p.primitiveEquals(d, c);
        if (!eq && emitting) {
          push(PROP, p.name, null, -1);
          emit(ChangeOp.REPLACE, p.get(d), p.get(c), p.shape, f);
          pop();
        }
      } else {
        Object dv = p.get(d);
        Object cv = p.get(c);
        if (st == 0 && shortcuts && p.shape.fastEquals && (dv == cv || (dv != null && dv.equals(cv)))) {
          // The shape proves equals() sound here: skip the walk's dispatch for an equal property.
          continue;
        }
        push(PROP, p.name, null, -1);
        eq = walk(dv, cv, p.shape, st, f);
        pop();
      }
      if (!eq) {
        if (!emitting) {
          return false;
        }
        equal = false;
      }
    }
    return equal;
  }

  private static boolean plainLeaf(Shape s) {
    TypeNode f = s.fixed;
    return f != null && f.comparator == null && f.normalizeDesired == null && f.normalizeCurrent == null;
  }

  private boolean walkMap(Map<?, ?> d, Map<?, ?> c, Shape shape, long state, int flags) {
    Shape valueShape = shape.value;
    boolean equal = true;
    int matched = 0;
    for (Map.Entry<?, ?> e : d.entrySet()) {
      Object k = e.getKey();
      Object dv = e.getValue();
      Object cv = c.get(k);
      if (cv != null) {
        matched++;
      } else if (dv == null) {
        continue;
      }
      long st = state == 0 ? 0 : rules.step(state, rules.needsText(state) ? keyText(k) : null);
      push(KEY, k, null, -1);
      boolean eq = walk(dv, cv, valueShape, st, flags);
      pop();
      if (!eq) {
        if (!emitting) {
          return false;
        }
        equal = false;
      }
    }
    if (c.size() != matched && (flags & SUBSET) == 0) {
      for (Map.Entry<?, ?> e : c.entrySet()) {
        Object cv = e.getValue();
        if (cv == null || d.containsKey(e.getKey())) {
          continue;
        }
        long st = state == 0 ? 0 : rules.step(state, rules.needsText(state) ? keyText(e.getKey()) : null);
        push(KEY, e.getKey(), null, -1);
        boolean eq = walk(null, cv, valueShape, st, flags);
        pop();
        if (!eq) {
          if (!emitting) {
            return false;
          }
          equal = false;
        }
      }
    }
    return equal;
  }

  TypeNode nodeOf(Object v, Shape shape) {
    TypeNode f = shape.fixed;
    return f != null && f.type == v.getClass() ? f : plans.node(v.getClass());
  }

  private TypeNode desiredNode(Object v, Shape shape) {
    TypeNode f = shape.fixed;
    if (f != null && f.type == v.getClass()) {
      return f;
    }
    TypeNode last = shape.lastDesired;
    if (last != null && last.type == v.getClass()) {
      return last;
    }
    last = plans.node(v.getClass());
    if (shape != Shape.UNTYPED) {
      // UNTYPED is shared by every differ, and plans are per differ.
      shape.lastDesired = last;
    }
    return last;
  }

  private TypeNode currentNode(Object v, Shape shape) {
    TypeNode f = shape.fixed;
    if (f != null && f.type == v.getClass()) {
      return f;
    }
    TypeNode last = shape.lastCurrent;
    if (last != null && last.type == v.getClass()) {
      return last;
    }
    last = plans.node(v.getClass());
    if (shape != Shape.UNTYPED) {
      // UNTYPED is shared by every differ, and plans are per differ.
      shape.lastCurrent = last;
    }
    return last;
  }

  private static boolean sameFamily(TypeNode a, TypeNode b, Object d, Object c) {
    Kind ka = a.kind == Kind.ARRAY ? Kind.COLLECTION : a.kind;
    Kind kb = b.kind == Kind.ARRAY ? Kind.COLLECTION : b.kind;
    if (ka != kb) {
      return false;
    }
    switch (ka) {
      case NUMBER:
      case STRING:
      case BOOLEAN:
      case MAP:
      case COLLECTION:
        return true;
      case ENUM:
        return ((Enum<?>) d).getDeclaringClass() == ((Enum<?>) c).getDeclaringClass();
      default:
        return false;
    }
  }

  /** Optional and JSON nodes are walked as the Java values they stand for. */
  static Object unwrap(Object v) {
    if (v instanceof Optional<?> o) {
      return unwrap(o.orElse(null));
    }
    if (v instanceof JsonNode n) {
      switch (n.getNodeType()) {
        case NULL:
        case MISSING:
          return null;
        case NUMBER:
          return n.numberValue();
        case STRING:
          return n.textValue();
        case BOOLEAN:
          return n.booleanValue();
        case OBJECT:
          return new ObjectNodeMap((ObjectNode) n);
        case ARRAY:
          return new ArrayNodeList((ArrayNode) n);
        case POJO:
          return unwrap(((POJONode) n).getPojo());
        default:
          return v;
      }
    }
    return v;
  }

  /** Empty in the null-equals-empty sense: a map counts as empty when all its values are absent or empty. */
  private boolean isEmpty(Object v, TypeNode n) {
    switch (n.kind) {
      case MAP:
        for (Object value : ((Map<?, ?>) v).values()) {
          Object u = unwrap(value);
          if (u != null && !isEmpty(u, plans.node(u.getClass()))) {
            return false;
          }
        }
        return true;
      case COLLECTION:
        return ((Collection<?>) v).isEmpty();
      case ARRAY:
        return Array.getLength(v) == 0;
      default:
        return false;
    }
  }

  static Collection<?> asCollection(Object v) {
    if (v instanceof Collection<?> c) {
      return c;
    }
    if (v instanceof Object[] a) {
      return Arrays.asList(a);
    }
    int n = Array.getLength(v);
    List<Object> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(Array.get(v, i));
    }
    return list;
  }

  static String keyText(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k instanceof Enum<?> e) {
      return e.name();
    }
    return String.valueOf(k);
  }

  // ---- path stack -------------------------------------------------------------------------------

  void push(byte k, Object segment, Object auxiliary, int idx) {
    if (depth == seg.length) {
      if (depth >= maxDepth) {
        throw new DiffModelException("model deeper than " + maxDepth + " levels at "
            + JsonPointer.of(segments()) + "; is the object graph cyclic?");
      }
      int n = Math.min(depth * 2, maxDepth);
      seg = Arrays.copyOf(seg, n);
      aux = Arrays.copyOf(aux, n);
      index = Arrays.copyOf(index, n);
      kind = Arrays.copyOf(kind, n);
    }
    seg[depth] = segment;
    aux[depth] = auxiliary;
    index[depth] = idx;
    kind[depth] = k;
    depth++;
  }

  /** Pushes a keyed or set element, masked when it lies under a {@code @Sensitive} property. */
  void pushElement(byte k, Object element, Object auxiliary, int idx, int flags) {
    if ((flags & SENSITIVE) != 0) {
      push(MASKED, null, null, idx);
    } else {
      push(k, element, auxiliary, idx);
    }
  }

  void pop() {
    depth--;
    seg[depth] = null;
    aux[depth] = null;
  }

  /** The text of the segment about to be pushed, for globs with literal segments. */
  String segmentText(byte k, Object segment, Object auxiliary, int idx) {
    switch (k) {
      case PROP:
        return (String) segment;
      case KEY:
        return keyText(segment);
      case INDEX:
        return Integer.toString(idx);
      case KEYED:
        return canonical.selector(segment, (Property[]) auxiliary);
      case MEMBER:
        return canonical.member(segment, (Shape) auxiliary);
      default:
        return "[" + Canonical.MASK + "]";
    }
  }

  List<String> segments() {
    List<String> out = new ArrayList<>(depth);
    for (int i = 0; i < depth; i++) {
      out.add(segmentText(kind[i], seg[i], aux[i], index[i]));
    }
    return List.copyOf(out);
  }

  boolean emit(ChangeOp op, Object d, Object c, Shape shape, int flags) {
    if (!emitting) {
      return false;
    }
    if (changes == null) {
      changes = new ArrayList<>();
    }
    int[] patchIndex = new int[depth];
    for (int i = 0; i < depth; i++) {
      patchIndex[i] = kind[i] >= INDEX ? index[i] : ChangeRecord.NOT_AN_ELEMENT;
    }
    List<String> segments = segments();
    changes.add(new ChangeRecord(op, JsonPointer.of(segments), segments, d, c, (flags & SENSITIVE) != 0, shape,
        patchIndex));
    return false;
  }

  String currentPath() {
    return JsonPointer.of(segments());
  }
}
