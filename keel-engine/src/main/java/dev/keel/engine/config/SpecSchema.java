package dev.keel.engine.config;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.keel.spi.diff.DiffKey;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shape of a kind's spec as a config writes it, from the spec class's Jackson properties: which property
 * names exist where (so that an override of a path no spec has is an error), and which lists are keyed.
 *
 * <p>A list is keyed when its element class marks properties with {@link DiffKey}, the annotation the differ
 * matches elements by: an override then merges into the element with the same key rather than replacing the
 * list, as the diff reports a change under {@code [key=value]} rather than the whole list.
 */
final class SpecSchema {

  /** What may be written at one place of a spec. */
  sealed interface Node permits Bean, MapOf, ListOf, Leaf, Open {}

  /** A record or bean: only its properties. */
  record Bean(Class<?> type, Map<String, JavaType> properties) implements Node {}

  /** A mapping with any keys, each holding a value of one shape. */
  record MapOf(JavaType value) implements Node {}

  /**
   * A list (or set) of elements of one shape.
   *
   * @param keys the JSON names of the element's {@code @DiffKey} properties; empty when the list is replaced
   *     as a whole
   */
  record ListOf(JavaType element, List<String> keys) implements Node {}

  /** A single value: a string, number, boolean, enum, duration. */
  record Leaf(Class<?> type) implements Node {}

  /** Anything: an untyped value, a JSON tree, an interface whose implementations are not known here. */
  record Open() implements Node {}

  private final ObjectMapper mapper;
  private final Map<JavaType, Node> cache = new ConcurrentHashMap<>();

  SpecSchema(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  Node of(Class<?> type) {
    return of(mapper.constructType(type));
  }

  Node of(JavaType type) {
    Node cached = cache.get(type);
    if (cached != null) {
      return cached;
    }
    Node node = compute(type);
    cache.put(type, node);
    return node;
  }

  private Node compute(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (type.isMapLikeType()) {
      return new MapOf(type.getContentType());
    }
    if (type.isCollectionLikeType() || type.isArrayType()) {
      JavaType element = type.getContentType();
      return new ListOf(element, keysOf(element));
    }
    if (raw == Optional.class || type.isReferenceType()) {
      return type.getContentType() == null ? new Open() : of(type.getContentType());
    }
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      return new Open();
    }
    if (raw.isPrimitive() || raw.isEnum() || raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
      return new Leaf(raw);
    }
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return new Open();
    }
    Map<String, JavaType> properties = new LinkedHashMap<>();
    for (BeanPropertyDefinition p : definitions(type)) {
      properties.put(p.getName(), p.getPrimaryType());
    }
    return properties.isEmpty() ? new Leaf(raw) : new Bean(raw, properties);
  }

  private List<BeanPropertyDefinition> definitions(JavaType type) {
    List<BeanPropertyDefinition> found = new ArrayList<>();
    for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(type).findProperties()) {
      if (p.hasConstructorParameter() || p.hasSetter() || p.hasField()) {
        found.add(p);
      }
    }
    return found;
  }

  /** The JSON names of an element class's {@code @DiffKey} properties, as the differ finds them. */
  private List<String> keysOf(JavaType element) {
    Class<?> raw = element.getRawClass();
    if (raw.isPrimitive() || raw.getName().startsWith("java.")) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    for (BeanPropertyDefinition p : definitions(element)) {
      if (annotated(raw, p.getInternalName())) {
        keys.add(p.getName());
      }
    }
    return List.copyOf(keys);
  }

  private static boolean annotated(Class<?> type, String name) {
    List<AnnotatedElement> candidates = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        if (rc.getName().equals(name)) {
          candidates.add(rc);
          candidates.add(rc.getAccessor());
        }
      }
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (var f : c.getDeclaredFields()) {
        if (f.getName().equals(name)) {
          candidates.add(f);
        }
      }
      for (var m : c.getDeclaredMethods()) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && (n.equals(name) || n.equalsIgnoreCase("get" + name) || n.equalsIgnoreCase("is" + name))) {
          candidates.add(m);
        }
      }
    }
    return candidates.stream().anyMatch(e -> e.isAnnotationPresent(DiffKey.class));
  }

  /** The properties known at a place, for messages. */
  static List<String> names(Bean bean) {
    return new ArrayList<>(new java.util.TreeSet<>(bean.properties().keySet()));
  }
}
