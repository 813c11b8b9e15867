package dev.keel.engine.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The canonical text of values: compact JSON with sorted properties and map keys, sets sorted, numbers
 * and date-times by value, ignored properties and null or empty values left out, sensitive values
 * masked (in fingerprints, masked and digested with a salt). Equivalent values render identically, whatever their boxes or hash orders, which is what
 * selectors and fingerprints need.
 */
final class Canonical {

  static final String MASK = "****";

  private final PlanCompiler plans;
  private final PathRules rules;
  private final SecretDigest secrets;

  Canonical(PlanCompiler plans, PathRules rules, SecretDigest secrets) {
    this.plans = plans;
    this.rules = rules;
    this.secrets = secrets;
  }

  /** A keyed element's selector, such as {@code [metric=CPUUtilization]}. */
  String selector(Object element, Property[] keys) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < keys.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      Property p = keys[i];
      sb.append(p.name).append('=');
      sb.append(p.sensitive ? MASK : scalarText(p.get(element)));
    }
    return sb.append(']').toString();
  }

  /** A set member's selector: {@code [value]} for scalars, {@code [{...}]} for structures. */
  String member(Object element, Shape shape) {
    return "[" + scalarOrJson(element, shape) + "]";
  }

  private String scalarOrJson(Object v, Shape shape) {
    Object u = Walker.unwrap(v);
    if (u == null) {
      return "null";
    }
    TypeNode n = plans.node(u.getClass());
    if (n.kind.isScalar()) {
      return scalarText(u);
    }
    StringBuilder sb = new StringBuilder();
    append(sb, u, shape, 0, false, false, 0);
    return sb.toString();
  }

  String scalarText(Object v) {
    Object u = Walker.unwrap(v);
    if (u == null) {
      return "null";
    }
    if (u instanceof Number n) {
      return ScalarEquivalence.canonicalNumber(n);
    }
    if (u instanceof Enum<?> e) {
      return e.name();
    }
    if (u.getClass().getName().startsWith("java.time")) {
      return ScalarEquivalence.canonicalTemporal(u);
    }
    return String.valueOf(u);
  }

  /**
   * Canonical JSON of a value for fingerprints; {@code sensitive} marks it whole as a secret. Secrets,
   * here or nested, are written as the mask followed by their salted digest: two different secrets give
   * different texts, and the text tells nothing about the secret.
   */
  String json(Object v, Shape shape, long state, boolean sensitive) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, shape, state, sensitive, true, 0);
    return sb.toString();
  }

  private void append(StringBuilder sb, Object v, Shape shape, long state, boolean sensitive, boolean digest,
      int depth) {
    v = Walker.unwrap(v);
    if (v == null) {
      sb.append("null");
      return;
    }
    if (sensitive) {
      quote(sb, digest ? MASK + secrets.of(sub(v, shape, state, false, true, depth)) : MASK);
      return;
    }
    if (depth > 256) {
      throw new DiffModelException("value deeper than 256 levels; is the object graph cyclic?");
    }
    TypeNode n = plans.node(v.getClass());
    switch (n.kind) {
      case NUMBER:
        sb.append(ScalarEquivalence.canonicalNumber((Number) v));
        return;
      case BOOLEAN:
        sb.append(v);
        return;
      case BEAN: {
        TreeMap<String, String> fields = new TreeMap<>();
        for (Property p : n.properties) {
          long st = state == 0 ? 0 : rules.step(state, p.name);
          if (p.ignored || rules.ignored(st)) {
            continue;
          }
          putIfPresent(fields, p.name, sub(p.get(v), p.shape, st, p.sensitive, digest, depth));
        }
        object(sb, fields);
        return;
      }
      case MAP: {
        TreeMap<String, String> fields = new TreeMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          String key = Walker.keyText(e.getKey());
          long st = state == 0 ? 0 : rules.step(state, key);
          if (!rules.ignored(st)) {
            putIfPresent(fields, key, sub(e.getValue(), shape.value, st, false, digest, depth));
          }
        }
        object(sb, fields);
        return;
      }
      case COLLECTION:
      case ARRAY: {
        Collection<?> c = Walker.asCollection(v);
        long st = state == 0 ? 0 : rules.step(state, null);
        PathRule.Semantics ps = state != 0 ? rules.semantics(state) : null;
        CollectionSemantics sem = ps != null ? ps.semantics() : shape.semantics;
        boolean unordered = sem == CollectionSemantics.SET || sem == CollectionSemantics.KEYED
            || (sem == null && v instanceof java.util.Set);
        Collection<String> items = unordered ? new TreeSet<>() : new ArrayList<>();
        for (Object e : c) {
          items.add(sub(e, shape.element, st, false, digest, depth));
        }
        sb.append('[').append(String.join(",", items)).append(']');
        return;
      }
      default:
        quote(sb, scalarText(v));
    }
  }

  private String sub(Object v, Shape shape, long state, boolean sensitive, boolean digest, int depth) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, shape, state, sensitive, digest, depth + 1);
    return sb.toString();
  }

  private static void putIfPresent(Map<String, String> fields, String key, String rendered) {
    if (!rendered.equals("null") && !rendered.equals("{}") && !rendered.equals("[]")) {
      fields.put(key, rendered);
    }
  }

  private static void object(StringBuilder sb, Map<String, String> fields) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(':').append(e.getValue());
    }
    sb.append('}');
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (ch < 0x20) {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }
}
