package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An oracle independent of the differ, over Jackson trees: a canonical form (ignored fields stripped,
 * numbers by value, sets sorted, null and empty dropped), an RFC 6902 applier and a path resolver.
 */
final class TreeOracle {

  private TreeOracle() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Set<String> IGNORED = Set.of("name", "iamRole", "arn", "snapshotId");
  private static final Set<String> UNORDERED = Set.of("availabilityZones", "securityGroupNames",
      "loadBalancerNames", "terminationPolicies", "targetTrackingPolicies", "blockDevices", "listeners");

  static JsonNode canon(Object cluster) {
    JsonNode c = canonNode(ClusterModel.MAPPER.valueToTree(cluster), null, 0);
    return c == null ? F.objectNode() : c;
  }

  /** Null for what counts as absent: null, and empty arrays and objects. */
  private static JsonNode canonNode(JsonNode n, String field, int depth) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isNumber()) {
      BigDecimal b = n.decimalValue();
      return F.numberNode(b.signum() == 0 ? BigDecimal.ZERO : b.stripTrailingZeros());
    }
    if (n.isObject()) {
      ObjectNode out = F.objectNode();
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        // Depth 0 holds the region keys, which are never ignored.
        if (depth > 0 && IGNORED.contains(name)) {
          continue;
        }
        JsonNode v = canonNode(n.get(name), name, depth + 1);
        if (v != null) {
          out.set(name, v);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (n.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      for (JsonNode e : n) {
        JsonNode v = canonNode(e, null, depth + 1);
        items.add(v == null ? F.nullNode() : v);
      }
      if (field != null && UNORDERED.contains(field)) {
        items.sort((a, b) -> a.toString().compareTo(b.toString()));
      }
      ArrayNode out = F.arrayNode();
      items.forEach(out::add);
      return out.isEmpty() ? null : out;
    }
    return n;
  }

  /** Applies RFC 6902 add/remove/replace operations to a copy of the document. */
  static JsonNode apply(JsonNode document, List<Map<String, Object>> patch) {
    JsonNode doc = document.deepCopy();
    for (Map<String, Object> op : patch) {
      String path = (String) op.get("path");
      JsonNode value = ClusterModel.MAPPER.valueToTree(op.get("value"));
      if (path.isEmpty()) {
        doc = value;
        continue;
      }
      int cut = path.lastIndexOf('/');
      JsonNode parent = doc.at(path.substring(0, cut));
      String last = JsonPointer.unescape(path.substring(cut + 1));
      switch ((String) op.get("op")) {
        case "add" -> {
          if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
              a.add(value);
            } else {
              a.insert(Integer.parseInt(last), value);
            }
          } else {
            ((ObjectNode) parent).set(last, value);
          }
        }
        case "remove" -> {
          if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
          } else {
            ((ObjectNode) parent).remove(last);
          }
        }
        case "replace" -> {
          if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
          } else {
            if (!parent.has(last)) {
              throw new AssertionError("replace of a missing member " + path);
            }
            ((ObjectNode) parent).set(last, value);
          }
        }
        default -> throw new AssertionError("unexpected op " + op);
      }
    }
    return doc;
  }

  /** Resolves a change's segments, with keyed and member selectors, in a Jackson tree; null if absent. */
  static JsonNode resolve(JsonNode tree, List<String> segments) {
    JsonNode n = tree;
    for (String s : segments) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (n.isArray()) {
        n = element((ArrayNode) n, s);
      } else {
        n = n.get(s);
      }
    }
    return n;
  }

  private static JsonNode element(ArrayNode a, String selector) {
    if (!selector.startsWith("[")) {
      int i = Integer.parseInt(selector);
      return i < a.size() ? a.get(i) : null;
    }
    String body = selector.substring(1, selector.length() - 1);
    for (JsonNode e : a) {
      if (e.isObject() && body.contains("=") && matchesKeys(e, body)) {
        return e;
      }
      if (e.isValueNode() && scalar(e).equals(body)) {
        return e;
      }
    }
    return null;
  }

  private static boolean matchesKeys(JsonNode e, String body) {
    for (String pair : body.split(",")) {
      int eq = pair.indexOf('=');
      JsonNode v = e.get(pair.substring(0, eq));
      if (v == null || !scalar(v).equals(pair.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }

  private static String scalar(JsonNode v) {
    if (v.isNumber()) {
      BigDecimal b = v.decimalValue();
      return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }
    return v.asText();
  }

  /** Numeric-insensitive equality of canonical trees. */
  static boolean sameValue(JsonNode a, JsonNode b) {
    JsonNode x = canonNode(a, null, 1);
    JsonNode y = canonNode(b, null, 1);
    return x == null ? y == null : x.equals(y);
  }
}
