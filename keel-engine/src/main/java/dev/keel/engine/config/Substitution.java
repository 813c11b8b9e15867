package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Copies a template's spec or metadata for one instantiation, replacing each {@code ${name}}. A string that is
 * exactly one reference becomes the value itself, keeping its type (a number, a list); a reference inside a
 * longer string is written as text. A mapping entry whose whole value is null is left out. Every value copied
 * is counted against the reader's limits, and keeps where it was written: the template's text, or the
 * argument's.
 */
final class Substitution {

  /**
   * A value references may name, and where it was written in the parsed document.
   *
   * @param node the value
   * @param path where it was written
   */
  record Value(JsonNode node, String path) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, Value> values;
  private final ExpansionContext ctx;
  private final String note;
  private final String at;

  /**
   * @param values the values by reference name: arguments, defaults and built-in values
   * @param note what is being instantiated, appended to problems
   * @param at the use site, where a refusal for size is placed
   */
  Substitution(Map<String, Value> values, ExpansionContext ctx, String note, String at) {
    this.values = values;
    this.ctx = ctx;
    this.note = note;
    this.at = at;
  }

  /**
   * A copy of a template's value with its references replaced.
   *
   * @param node the template's value
   * @param from its path in the parsed document
   * @param to its path in the expanded document
   * @param depth its nesting depth there
   * @return the copy, or null when it is exactly a reference to a null value
   */
  @Nullable
  JsonNode copy(JsonNode node, String from, String to, int depth) {
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      ctx.value(depth, 0, at);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        String childFrom = SourcePaths.field(from, e.getKey());
        String key = e.getKey();
        if (Placeholders.mayHave(key)) {
          JsonNode k = text(key, childFrom);
          if (k == null || k.isNull()) {
            ctx.problem(childFrom, "This key refers to a null value, and a key needs one" + note);
            continue;
          }
          key = k.asText();
        }
        String childTo = SourcePaths.field(to, key);
        if (out.has(key)) {
          ctx.problem(childFrom, "Key '" + key + "' appears twice once references are replaced" + note);
          continue;
        }
        if (!key.equals(e.getKey())) {
          ctx.origin(childTo, childFrom);
        }
        ctx.value(depth + 1, key.length(), at);
        JsonNode child = copy(e.getValue(), childFrom, childTo, depth + 1);
        if (child != null) {
          out.set(key, child);
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      ctx.value(depth, 0, at);
      for (int i = 0; i < node.size(); i++) {
        JsonNode child = copy(node.get(i), SourcePaths.index(from, i), SourcePaths.index(to, i), depth + 1);
        out.add(child == null ? NODES.nullNode() : child);
      }
      return out;
    }
    if (node.isTextual() && Placeholders.mayHave(node.asText())) {
      List<Placeholders.Part> parts = Placeholders.parse(node.asText());
      Placeholders.Ref whole = Placeholders.whole(parts);
      if (whole != null) {
        Value v = values.get(whole.name());
        if (v.node().isNull()) {
          return null;
        }
        ctx.replaced(to, v.path());
        return value(v.node(), v.path(), depth);
      }
      ctx.value(depth, 0, at);
      return text(node.asText(), from);
    }
    ctx.value(depth, node.isTextual() ? node.asText().length() : 0, at);
    return node;
  }

  /** The text of a string with its references written in, or null after reporting a problem. */
  @Nullable
  private JsonNode text(String s, String from) {
    StringBuilder out = new StringBuilder();
    List<Placeholders.Part> parts = Placeholders.parse(s);
    Placeholders.Ref whole = Placeholders.whole(parts);
    for (Placeholders.Part part : parts) {
      if (part instanceof Placeholders.Text t) {
        out.append(t.text());
        continue;
      }
      Placeholders.Ref ref = (Placeholders.Ref) part;
      Value v = values.get(ref.name());
      if (v.node().isNull()) {
        if (whole != null) {
          return v.node();
        }
        ctx.problem(from, "'${" + ref.name() + "}' is null here (given at " + ctx.locate(v.path())
            + ") and cannot be part of a string; give it a value" + note);
        return null;
      }
      out.append(v.node().asText());
      if (out.length() > ctx.limits().maxStringLength()) {
        ctx.problem(from, "The string built here is longer than the limit of " + ctx.limits().maxStringLength()
            + " characters" + note);
        return null;
      }
    }
    ctx.value(0, out.length(), at);
    return NODES.textNode(out.toString());
  }

  /** A copy of an argument's value, counted and placed where the argument was written. */
  private JsonNode value(JsonNode node, String path, int depth) {
    ctx.value(depth, node.isTextual() ? node.asText().length() : 0, at);
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> {
        ctx.value(depth + 1, e.getKey().length(), at);
        out.set(e.getKey(), value(e.getValue(), path, depth + 1));
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(e -> out.add(value(e, path, depth + 1)));
      return out;
    }
    return node;
  }
}
