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
 * Applies an override, a partial spec, to an instantiated spec: mappings merge key by key, a {@code null}
 * removes what it names, a list replaces the list unless its elements are keyed ({@link SpecSchema.ListOf}),
 * in which case each element merges into the one with the same key or is added. Every key is checked against
 * the kind's spec: overriding a path no spec of the kind has is an error at the override, naming the template.
 */
final class OverrideMerge {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final SpecSchema schema;
  private final ExpansionContext ctx;
  private final String kind;
  private final String note;
  private final String at;

  /**
   * @param kind the kind, for messages
   * @param note what is being instantiated, appended to problems
   * @param at the use site, where a refusal for size is placed
   */
  OverrideMerge(SpecSchema schema, ExpansionContext ctx, String kind, String note, String at) {
    this.schema = schema;
    this.ctx = ctx;
    this.kind = kind;
    this.note = note;
    this.at = at;
  }

  /**
   * The spec with the override applied.
   *
   * @param base the instantiated value, or null where it has none
   * @param override the override's value, not null
   * @param shape what the kind's spec allows here
   * @param from the override's path in the parsed document
   * @param to the value's path in the expanded document
   * @param relative the value's path inside the spec, for messages
   * @param depth the value's nesting depth in the expanded document
   */
  JsonNode merge(@Nullable JsonNode base, JsonNode override, SpecSchema.Node shape, String from, String to,
      String relative, int depth) {
    if (override.isObject() && (shape instanceof SpecSchema.Bean || shape instanceof SpecSchema.MapOf
        || shape instanceof SpecSchema.Open)) {
      ObjectNode out = NODES.objectNode();
      if (base != null && base.isObject()) {
        out.setAll((ObjectNode) base);
      } else {
        ctx.replaced(to, from);
      }
      ctx.value(depth, 0, at);
      for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
        var e = it.next();
        String key = e.getKey();
        String childFrom = SourcePaths.field(from, key);
        SpecSchema.Node childShape = child(shape, key, childFrom, relative);
        if (childShape == null) {
          continue;
        }
        if (e.getValue().isNull()) {
          out.remove(key);
          continue;
        }
        ctx.value(depth + 1, key.length(), at);
        out.set(key, merge(out.get(key), e.getValue(), childShape, childFrom, SourcePaths.field(to, key),
            SourcePaths.field(relative, key), depth + 1));
      }
      return out;
    }
    if (override.isArray() && shape instanceof SpecSchema.ListOf list && !list.keys().isEmpty()
        && base != null && base.isArray()) {
      return keyed((ArrayNode) base, (ArrayNode) override, list, from, to, relative, depth);
    }
    if (override.isArray() && shape instanceof SpecSchema.ListOf list) {
      checkElements(override, schema.of(list.element()), from, relative);
    }
    ctx.replaced(to, from);
    return copy(override, depth);
  }

  /** The shape of a key's value, or null after reporting a key the spec has no property for. */
  @Nullable
  private SpecSchema.Node child(SpecSchema.Node shape, String key, String from, String relative) {
    if (shape instanceof SpecSchema.Bean bean) {
      var type = bean.properties().get(key);
      if (type == null) {
        List<String> known = SpecSchema.names(bean);
        ctx.problem(from, "Override of '" + SourcePaths.field(relative, key) + "': the spec of kind " + kind
            + " has no property '" + key + "' " + (relative.isEmpty() ? "at its top level" : "in '" + relative + "'")
            + Suggestions.didYouMean(key, known) + ". Known properties here: " + String.join(", ", known) + note);
        return null;
      }
      return schema.of(type);
    }
    if (shape instanceof SpecSchema.MapOf map) {
      return schema.of(map.value());
    }
    return new SpecSchema.Open();
  }

  /** Checks the keys of the elements of a list that replaces another. */
  private void checkElements(JsonNode list, SpecSchema.Node element, String from, String relative) {
    if (!(element instanceof SpecSchema.Bean)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (e.isObject()) {
        String elementFrom = SourcePaths.index(from, i);
        e.fieldNames().forEachRemaining(k -> child(element, k, SourcePaths.field(elementFrom, k), relative + "[]"));
      }
    }
  }

  /** Merges each override element into the base element with the same key, or adds it. */
  private JsonNode keyed(ArrayNode base, ArrayNode override, SpecSchema.ListOf list, String from, String to,
      String relative, int depth) {
    ArrayNode out = NODES.arrayNode();
    out.addAll(base);
    ctx.value(depth, 0, at);
    SpecSchema.Node element = schema.of(list.element());
    for (int i = 0; i < override.size(); i++) {
      JsonNode e = override.get(i);
      String elementFrom = SourcePaths.index(from, i);
      if (!e.isObject() || !list.keys().stream().allMatch(k -> e.hasNonNull(k))) {
        ctx.problem(elementFrom, "Override of keyed list '" + relative + "': each element needs its key "
            + String.join(", ", list.keys()) + ", which picks the element it changes (or adds it)" + note);
        continue;
      }
      int match = -1;
      for (int j = 0; j < out.size() && match < 0; j++) {
        JsonNode candidate = out.get(j);
        if (candidate.isObject() && list.keys().stream().allMatch(k -> e.get(k).equals(candidate.get(k)))) {
          match = j;
        }
      }
      int index = match < 0 ? out.size() : match;
      JsonNode merged = merge(match < 0 ? null : out.get(match), e, element, elementFrom,
          SourcePaths.index(to, index), relative + "[]", depth + 1);
      if (match < 0) {
        out.add(merged);
      } else {
        out.set(match, merged);
      }
    }
    return out;
  }

  /** A copy of an override's value, counted. */
  private JsonNode copy(JsonNode node, int depth) {
    ctx.value(depth, node.isTextual() ? node.asText().length() : 0, at);
    if (node.isObject()) {
      ObjectNode out = NODES.objectNode();
      node.fields().forEachRemaining(e -> {
        ctx.value(depth + 1, e.getKey().length(), at);
        out.set(e.getKey(), copy(e.getValue(), depth + 1));
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode();
      node.forEach(e -> out.add(copy(e, depth + 1)));
      return out;
    }
    return node;
  }
}
