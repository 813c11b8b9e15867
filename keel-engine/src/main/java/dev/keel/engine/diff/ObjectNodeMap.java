package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** A read-only {@code Map} view of a JSON object, so untyped JSON is walked like an untyped map. */
final class ObjectNodeMap extends AbstractMap<String, Object> {

  private final ObjectNode node;

  ObjectNodeMap(ObjectNode node) {
    this.node = node;
  }

  @Override
  public Object get(Object key) {
    return key instanceof String s ? nullToAbsent(node.get(s)) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return node.size();
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      @SuppressWarnings("deprecation") // properties() replaces fields() only from Jackson 2.15; hosts run 2.13
      public Iterator<Entry<String, Object>> iterator() {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<String, Object> next() {
            Map.Entry<String, JsonNode> e = it.next();
            return new SimpleImmutableEntry<>(e.getKey(), nullToAbsent(e.getValue()));
          }
        };
      }

      @Override
      public int size() {
        return node.size();
      }
    };
  }

  private static Object nullToAbsent(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode() ? null : v;
  }
}
