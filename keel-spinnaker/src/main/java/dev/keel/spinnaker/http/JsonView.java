package dev.keel.spinnaker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A read-only view of a JSON value as Clouddriver and Orca send it, where any field may be missing or null:
 * typed reads that fall back instead of failing, for the parsers of payloads.
 *
 * @param node the JSON value (a missing node for an absent one)
 */
public record JsonView(JsonNode node) {

  /** Checks for null. */
  public JsonView {
    Objects.requireNonNull(node, "node");
  }

  /**
   * A field.
   *
   * @param name the field
   * @return its view, over a missing node when absent
   */
  public JsonView get(String name) {
    return new JsonView(node.path(name));
  }

  /**
   * Whether this value is absent or null.
   *
   * @return true for missing or null
   */
  public boolean absent() {
    return node.isMissingNode() || node.isNull();
  }

  /**
   * A text field.
   *
   * @param name the field
   * @return its text, or null when absent
   */
  @Nullable
  public String text(String name) {
    JsonNode v = node.path(name);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  /**
   * A text field with a fallback.
   *
   * @param name the field
   * @param fallback the value when absent
   * @return the text
   */
  public String text(String name, String fallback) {
    String v = text(name);
    return v == null ? fallback : v;
  }

  /**
   * A whole number field.
   *
   * @param name the field
   * @return the number, or null when absent or not a number
   */
  @Nullable
  public Integer integer(String name) {
    JsonNode v = node.path(name);
    return v.isNumber() || v.isTextual() && v.asText().matches("-?\\d+") ? Integer.valueOf(v.asInt()) : null;
  }

  /**
   * A whole number field with a fallback.
   *
   * @param name the field
   * @param fallback the value when absent
   * @return the number
   */
  public int integer(String name, int fallback) {
    Integer v = integer(name);
    return v == null ? fallback : v;
  }

  /**
   * A decimal field.
   *
   * @param name the field
   * @return the number, or null when absent
   */
  @Nullable
  public Double decimal(String name) {
    JsonNode v = node.path(name);
    return v.isNumber() || v.isTextual() && !v.asText().isBlank() ? Double.valueOf(v.asDouble()) : null;
  }

  /**
   * A boolean field.
   *
   * @param name the field
   * @param fallback the value when absent
   * @return the flag
   */
  public boolean bool(String name, boolean fallback) {
    JsonNode v = node.path(name);
    return v.isMissingNode() || v.isNull() ? fallback : v.asBoolean(fallback);
  }

  /**
   * A time in epoch milliseconds.
   *
   * @param name the field
   * @return the time, or empty when absent
   */
  public Optional<Instant> epochMillis(String name) {
    JsonNode v = node.path(name);
    return v.isNumber() ? Optional.of(Instant.ofEpochMilli(v.asLong())) : Optional.empty();
  }

  /**
   * The elements of an array field (or of this value, with a null name).
   *
   * @param name the field, or null for this value
   * @return the elements, empty when absent
   */
  public List<JsonView> list(@Nullable String name) {
    JsonNode v = name == null ? node : node.path(name);
    List<JsonView> out = new ArrayList<>();
    if (v.isArray()) {
      v.forEach(e -> out.add(new JsonView(e)));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The texts of an array field.
   *
   * @param name the field
   * @return the texts, empty when absent
   */
  public List<String> texts(String name) {
    return list(name).stream().filter(e -> !e.absent()).map(e -> e.node.asText()).toList();
  }

  /**
   * The fields of an object field, as views.
   *
   * @param name the field, or null for this value
   * @return the fields in order, empty when absent
   */
  public Map<String, JsonView> fields(@Nullable String name) {
    JsonNode v = name == null ? node : node.path(name);
    Map<String, JsonView> out = new LinkedHashMap<>();
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> out.put(e.getKey(), new JsonView(e.getValue())));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * An object field of texts, such as tags or environment variables; null values are left out.
   *
   * @param name the field
   * @return the map, empty when absent
   */
  public Map<String, String> textMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    fields(name).forEach((k, v) -> {
      if (!v.absent()) {
        out.put(k, v.node.isValueNode() ? v.node.asText() : v.node.toString());
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /**
   * An array of {@code {key|name, value}} pairs as a map, as AWS tags and dimensions are sent.
   *
   * @param name the field
   * @return the map, empty when absent
   */
  public Map<String, String> pairs(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonView e : list(name)) {
      String key = e.text("key") != null ? e.text("key") : e.text("name");
      if (key != null && e.text("value") != null) {
        out.put(key, e.text("value"));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * A view over nothing.
   *
   * @return the view
   */
  public static JsonView missing() {
    return new JsonView(MissingNode.getInstance());
  }
}
