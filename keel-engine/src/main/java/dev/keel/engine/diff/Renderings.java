package dev.keel.engine.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.spi.diff.ChangeOp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns changes into Keel's delta JSON, RFC 6902 JSON Patch, text and a fingerprint. Values are
 * rendered through the differ's {@link ObjectMapper} (so they read as the user's JSON) and then masked
 * where the model marks them {@code @Sensitive}.
 */
final class Renderings {

  private final ObjectMapper mapper;
  private final PlanCompiler plans;
  private final Canonical canonical;
  private final PathRules rules;

  Renderings(ObjectMapper mapper, PlanCompiler plans, Canonical canonical, PathRules rules) {
    this.mapper = mapper;
    this.plans = plans;
    this.canonical = canonical;
    this.rules = rules;
  }

  /** A value as plain maps, lists and scalars, masked. */
  Object plain(Object v, boolean sensitive) {
    Object u = Walker.unwrap(v);
    if (u == null) {
      return null;
    }
    if (sensitive) {
      return Canonical.MASK;
    }
    JsonNode tree;
    try {
      tree = mapper.valueToTree(v);
    } catch (IllegalArgumentException e) {
      return String.valueOf(u);
    }
    mask(tree, u, 0);
    return mapper.convertValue(tree, Object.class);
  }

  private void mask(JsonNode tree, Object v, int depth) {
    v = Walker.unwrap(v);
    if (v == null || tree == null || depth > 256) {
      return;
    }
    TypeNode n = plans.node(v.getClass());
    switch (n.kind) {
      case BEAN:
        for (Property p : n.properties) {
          JsonNode child = tree.get(p.name);
          if (p.sensitive && tree instanceof ObjectNode o && child != null && !child.isNull()) {
            o.put(p.name, Canonical.MASK);
          } else if (child != null && p.primitive == Property.REF) {
            mask(child, p.get(v), depth + 1);
          }
        }
        return;
      case MAP:
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          mask(tree.get(Walker.keyText(e.getKey())), e.getValue(), depth + 1);
        }
        return;
      case COLLECTION:
      case ARRAY: {
        int i = 0;
        for (Object e : Walker.asCollection(v)) {
          mask(tree.get(i++), e, depth + 1);
        }
        return;
      }
      default:
    }
  }

  Map<String, Object> delta(List<ChangeRecord> changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ChangeRecord c : changes) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("state", switch (c.op()) {
        case ADD -> "ADDED";
        case REMOVE -> "REMOVED";
        default -> "CHANGED";
      });
      entry.put("desired", plain(c.desired(), c.sensitive()));
      entry.put("current", plain(c.current(), c.sensitive()));
      if (c.op() == ChangeOp.TYPE_CHANGED) {
        entry.put("desiredType", c.desired().getClass().getName());
        entry.put("currentType", c.current().getClass().getName());
      }
      out.put(display(c.path()), entry);
    }
    return out;
  }

  /**
   * JSON Patch in an order that keeps recorded indices valid: first everything that does not shift
   * array elements, then appends, then element removals from the highest index down.
   */
  List<Map<String, Object>> patch(List<ChangeRecord> changes) {
    List<Map<String, Object>> inPlace = new ArrayList<>();
    List<Map<String, Object>> appends = new ArrayList<>();
    List<ChangeRecord> removals = new ArrayList<>();
    for (ChangeRecord c : changes) {
      int last = c.segments().size() - 1;
      boolean element = last >= 0 && c.isElement(last);
      if (element && c.op() == ChangeOp.REMOVE) {
        removals.add(c);
      } else if (element && c.op() == ChangeOp.ADD) {
        appends.add(op("add", pointer(c), plain(c.desired(), c.sensitive())));
      } else {
        inPlace.add(switch (c.op()) {
          case ADD -> op("add", pointer(c), plain(c.desired(), c.sensitive()));
          case REMOVE -> op("remove", pointer(c), null);
          default -> op("replace", pointer(c), plain(c.desired(), c.sensitive()));
        });
      }
    }
    removals.sort(Comparator.comparing((ChangeRecord c) -> c, Renderings::compareIndices).reversed());
    List<Map<String, Object>> out = new ArrayList<>(inPlace);
    out.addAll(appends);
    for (ChangeRecord c : removals) {
      out.add(op("remove", pointer(c), null));
    }
    return out;
  }

  private static int compareIndices(ChangeRecord a, ChangeRecord b) {
    int n = Math.min(a.segments().size(), b.segments().size());
    for (int i = 0; i < n; i++) {
      int cmp = a.isElement(i) && b.isElement(i) ? Integer.compare(a.patchIndex()[i], b.patchIndex()[i])
          : a.segments().get(i).compareTo(b.segments().get(i));
      if (cmp != 0) {
        return cmp;
      }
    }
    return Integer.compare(a.segments().size(), b.segments().size());
  }

  private static String pointer(ChangeRecord c) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < c.segments().size(); i++) {
      sb.append('/');
      if (c.isElement(i)) {
        int idx = c.patchIndex()[i];
        sb.append(idx >= 0 ? Integer.toString(idx) : "-");
      } else {
        sb.append(JsonPointer.escape(c.segments().get(i)));
      }
    }
    return sb.toString();
  }

  private static Map<String, Object> op(String op, String path, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("op", op);
    m.put("path", path);
    if (!op.equals("remove")) {
      m.put("value", value);
    }
    return m;
  }

  String text(Collection<ChangeRecord> changes) {
    if (changes.isEmpty()) {
      return "no changes\n";
    }
    StringBuilder sb = new StringBuilder();
    for (ChangeRecord c : changes) {
      sb.append(c.op()).append(' ').append(display(c.path()));
      switch (c.op()) {
        case ADD -> sb.append(" = ").append(json(plain(c.desired(), c.sensitive())));
        case REMOVE -> sb.append(" (was ").append(json(plain(c.current(), c.sensitive()))).append(')');
        case REPLACE -> sb.append(": ").append(json(plain(c.current(), c.sensitive()))).append(" -> ")
            .append(json(plain(c.desired(), c.sensitive())));
        default -> sb.append(": ").append(c.current().getClass().getSimpleName()).append(' ')
            .append(json(plain(c.current(), c.sensitive()))).append(" -> ")
            .append(c.desired().getClass().getSimpleName()).append(' ')
            .append(json(plain(c.desired(), c.sensitive())));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  String fingerprint(List<ChangeRecord> changes) {
    StringBuilder sb = new StringBuilder();
    for (ChangeRecord c : changes) {
      long state = stateAt(c);
      sb.append(c.op()).append(' ').append(c.path()).append(' ')
          .append(canonical.json(c.desired(), c.shape(), state, c.sensitive())).append(' ')
          .append(canonical.json(c.current(), c.shape(), state, c.sensitive()));
      if (c.op() == ChangeOp.TYPE_CHANGED) {
        sb.append(' ').append(c.desired().getClass().getName()).append(' ').append(c.current().getClass().getName());
      }
      sb.append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private long stateAt(ChangeRecord c) {
    long state = rules.start();
    for (String s : c.segments()) {
      state = rules.step(state, s);
    }
    return state;
  }

  private String json(Object plain) {
    try {
      return mapper.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      return String.valueOf(plain);
    }
  }

  static String display(String path) {
    return path.isEmpty() ? "/" : path;
  }
}
