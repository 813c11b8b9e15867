package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * A JSON value of a request, read with checks: a missing or mistyped field is a 400 naming its path, such as
 * {@code job[0].capacity.min}. Also writes the fake's answers, deterministically (fields in insertion order).
 */
final class JsonView {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode node;
  private final String path;

  private JsonView(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static JsonView parse(String body, String what) {
    try {
      JsonNode n = MAPPER.readTree(body);
      if (n == null || n.isMissingNode()) {
        throw HttpProblem.badRequest(what + ": empty body");
      }
      return new JsonView(n, "");
    } catch (JsonProcessingException e) {
      throw HttpProblem.badRequest(what + " is not JSON: " + e.getOriginalMessage());
    }
  }

  static JsonView of(JsonNode node, String path) {
    return new JsonView(node, path);
  }

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  static ArrayNode strings(Iterable<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** An object of string values, keys sorted. */
  static ObjectNode stringMap(Map<String, String> values) {
    ObjectNode o = object();
    new TreeMap<>(values).forEach(o::put);
    return o;
  }

  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + value, e);
    }
  }

  JsonNode node() {
    return node;
  }

  String path() {
    return path;
  }

  boolean isObject() {
    return node.isObject();
  }

  boolean isArray() {
    return node.isArray();
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  @Nullable
  private JsonNode get(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  private HttpProblem problem(String field, String expected) {
    return HttpProblem.badRequest(at(field) + ": expected " + expected);
  }

  String text(String field) {
    String v = optText(field);
    if (v == null) {
      throw problem(field, "a string");
    }
    return v;
  }

  @Nullable
  String optText(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isValueNode()) {
      throw problem(field, "a string");
    }
    return v.asText();
  }

  String text(String field, String fallback) {
    String v = optText(field);
    return v == null ? fallback : v;
  }

  int integer(String field) {
    Integer v = optInteger(field);
    if (v == null) {
      throw problem(field, "a number");
    }
    return v;
  }

  @Nullable
  Integer optInteger(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      try {
        return (int) Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        throw problem(field, "a number");
      }
    }
    throw problem(field, "a number");
  }

  int integer(String field, int fallback) {
    Integer v = optInteger(field);
    return v == null ? fallback : v;
  }

  @Nullable
  Double optNumber(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        throw problem(field, "a number");
      }
    }
    throw problem(field, "a number");
  }

  double number(String field) {
    Double v = optNumber(field);
    if (v == null) {
      throw problem(field, "a number");
    }
    return v;
  }

  boolean bool(String field, boolean fallback) {
    JsonNode v = get(field);
    if (v == null) {
      return fallback;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw problem(field, "true or false");
  }

  JsonView object(String field) {
    JsonView v = optObject(field);
    if (v == null) {
      throw problem(field, "an object");
    }
    return v;
  }

  @Nullable
  JsonView optObject(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw problem(field, "an object");
    }
    return new JsonView(v, at(field));
  }

  /** The elements of an array field; empty when absent. */
  List<JsonView> array(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return List.of();
    }
    if (!v.isArray()) {
      throw problem(field, "a list");
    }
    List<JsonView> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      out.add(new JsonView(v.get(i), at(field) + "[" + i + "]"));
    }
    return out;
  }

  /** The elements of this array. */
  List<JsonView> elements() {
    if (!node.isArray()) {
      throw HttpProblem.badRequest((path.isEmpty() ? "the body" : path) + ": expected a list");
    }
    List<JsonView> out = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonView(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** The strings of an array field (or of a comma-separated string); empty when absent. */
  List<String> strings(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return List.of();
    }
    if (v.isTextual()) {
      List<String> out = new ArrayList<>();
      for (String s : v.asText().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
      return out;
    }
    if (!v.isArray()) {
      throw problem(field, "a list of strings");
    }
    List<String> out = new ArrayList<>();
    v.forEach(e -> out.add(e.asText()));
    return out;
  }

  /** An object of plain values as strings; empty when absent. */
  Map<String, String> stringMap(String field) {
    JsonNode v = get(field);
    if (v == null) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw problem(field, "an object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    v.fieldNames().forEachRemaining(k -> out.put(k, v.get(k).isNull() ? "" : v.get(k).asText()));
    return out;
  }
}
