package dev.keel.engine.diff;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.keel.spi.diff.DiffIgnore;
import dev.keel.spi.diff.DiffKey;
import dev.keel.spi.diff.Sensitive;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles and caches plans: one {@link TypeNode} per runtime class and one {@link Shape} per declared
 * type. Compilation happens once per class under a lock; lookups afterwards are lock-free reads of a
 * concurrent map, so the differ is thread-safe without thread-locals.
 */
final class PlanCompiler {

  private final Options options;
  private final ConcurrentHashMap<Class<?>, TypeNode> nodes = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<JavaType, Shape> shapes = new ConcurrentHashMap<>();
  private final Object lock = new Object();
  /** Plans compiled in the current pass, published together once their flags are known. */
  private final Map<Class<?>, TypeNode> pendingNodes = new HashMap<>();
  private final Map<JavaType, Shape> pendingShapes = new HashMap<>();

  PlanCompiler(Options options) {
    this.options = options;
  }

  TypeNode node(Class<?> type) {
    TypeNode n = nodes.get(type);
    return n != null ? n : compileNode(type);
  }

  Shape shape(JavaType type) {
    Shape s = shapes.get(type);
    if (s != null) {
      return s;
    }
    synchronized (lock) {
      s = shapeInPass(type);
      publish();
      return s;
    }
  }

  Shape shape(Class<?> type) {
    return shape(options.mapper().constructType(type));
  }

  private TypeNode compileNode(Class<?> type) {
    synchronized (lock) {
      TypeNode n = nodeInPass(type);
      publish();
      return n;
    }
  }

  private void publish() {
    computeFlags();
    // Shapes before nodes would not matter for safety: everything reachable is fully built here.
    shapes.putAll(pendingShapes);
    nodes.putAll(pendingNodes);
    pendingShapes.clear();
    pendingNodes.clear();
  }

  private TypeNode nodeInPass(Class<?> type) {
    TypeNode n = nodes.get(type);
    if (n == null) {
      n = pendingNodes.get(type);
    }
    if (n != null) {
      return n;
    }
    Class<?> boxed = box(type);
    if (boxed != type) {
      return nodeInPass(boxed);
    }
    n = new TypeNode(type, classify(type));
    pendingNodes.put(type, n);
    n.comparator = Options.lookup(options.comparators(), type);
    n.normalizeDesired = Options.lookup(options.desiredNormalizers(), type);
    n.normalizeCurrent = Options.lookup(options.currentNormalizers(), type);
    if (n.kind == Kind.BEAN) {
      compileBean(n);
    }
    return n;
  }

  private Shape shapeInPass(JavaType type) {
    Shape s = shapes.get(type);
    if (s == null) {
      s = pendingShapes.get(type);
    }
    if (s != null) {
      return s;
    }
    Class<?> raw = box(type.getRawClass());
    if (raw == Object.class) {
      return Shape.UNTYPED;
    }
    Kind kind = classify(raw);
    boolean single = kind != Kind.MAP && kind != Kind.COLLECTION && kind != Kind.JSON && kind != Kind.OPTIONAL
        && !raw.isInterface() && (Modifier.isFinal(raw.getModifiers()) || raw.isRecord() || raw.isEnum()
        || raw.isArray());
    s = new Shape(raw, single ? nodeInPass(raw) : null);
    pendingShapes.put(type, s);
    if (type.isMapLikeType()) {
      s.value = shapeInPass(type.getContentType());
    } else if (type.isCollectionLikeType() || type.isArrayType()) {
      s.element = shapeInPass(type.getContentType());
    } else if (raw == Optional.class) {
      s.element = type.containedTypeCount() > 0 ? shapeInPass(type.containedType(0)) : Shape.UNTYPED;
    } else if (type.isReferenceType()) {
      s.element = shapeInPass(type.getContentType());
    }
    if (kind == Kind.COLLECTION || kind == Kind.ARRAY) {
      s.semantics = defaultSemantics(raw, s.element);
    }
    if (raw.isSealed()) {
      for (Class<?> sub : raw.getPermittedSubclasses()) {
        nodeInPass(sub);
      }
    }
    return s;
  }

  private CollectionSemantics defaultSemantics(Class<?> raw, Shape element) {
    TypeNode e = element.fixed;
    if (e != null && e.keyProperties.length > 0) {
      return CollectionSemantics.KEYED;
    }
    if (Set.class.isAssignableFrom(raw)) {
      return CollectionSemantics.SET;
    }
    if (e != null && e.kind == Kind.BEAN) {
      return CollectionSemantics.ATOMIC;
    }
    return CollectionSemantics.ORDERED;
  }

  Kind classify(Class<?> type) {
    if (type.isPrimitive()) {
      type = box(type);
    }
    if (Number.class.isAssignableFrom(type)) {
      return Kind.NUMBER;
    }
    if (type == String.class) {
      return Kind.STRING;
    }
    if (type == Boolean.class) {
      return Kind.BOOLEAN;
    }
    if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
      return Kind.ENUM;
    }
    if ((TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type))
        && type.getName().startsWith("java.time")) {
      return Kind.TEMPORAL;
    }
    if (type == Optional.class) {
      return Kind.OPTIONAL;
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return Kind.JSON;
    }
    if (Map.class.isAssignableFrom(type)) {
      return Kind.MAP;
    }
    if (Collection.class.isAssignableFrom(type)) {
      return Kind.COLLECTION;
    }
    if (type.isArray()) {
      return Kind.ARRAY;
    }
    if (type.isRecord()) {
      return Kind.BEAN;
    }
    String name = type.getName();
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return Kind.SCALAR;
    }
    BeanDescription desc = options.mapper().getSerializationConfig().introspect(options.mapper().constructType(type));
    if (desc.findJsonValueAccessor() != null) {
      return Kind.SCALAR;
    }
    return desc.findProperties().isEmpty() ? Kind.SCALAR : Kind.BEAN;
  }

  private void compileBean(TypeNode n) {
    Class<?> type = n.type;
    BeanDescription desc = options.mapper().getSerializationConfig().introspect(options.mapper().constructType(type));
    List<String> ignoredByOption = options.ignoredProperties().getOrDefault(type, List.of());
    List<Property> props = new ArrayList<>();
    List<BeanPropertyDefinition> defs = desc.findProperties();
    for (BeanPropertyDefinition def : defs) {
      if (!def.couldSerialize() || def.getAccessor() == null) {
        continue;
      }
      props.add(property(type, def, ignoredByOption));
    }
    for (String name : ignoredByOption) {
      if (props.stream().noneMatch(p -> p.name.equals(name))) {
        throw new DiffConfigurationException("ignored property '" + name + "' does not exist in " + type.getName()
            + "; its JSON properties are " + props.stream().map(p -> p.name).toList());
      }
    }
    n.properties = props.toArray(TypeNode.NO_PROPERTIES);
    n.generatedEquals = GeneratedEquals.isGenerated(type);
    List<String> configuredKeys = options.keys().get(type);
    List<Property> keyProps = new ArrayList<>();
    if (configuredKeys != null) {
      for (String k : configuredKeys) {
        Property p = n.property(k);
        if (p == null) {
          throw new DiffConfigurationException("key property '" + k + "' does not exist in " + type.getName()
              + "; its JSON properties are " + props.stream().map(x -> x.name).toList());
        }
        keyProps.add(p);
      }
    } else {
      props.stream().filter(p -> p.key).forEach(keyProps::add);
    }
    n.keyProperties = keyProps.toArray(TypeNode.NO_PROPERTIES);
    // Shapes are resolved after the node is registered, so that recursive types terminate.
    for (Property p : n.properties) {
      BeanPropertyDefinition def = defs.stream().filter(d -> d.getName().equals(p.name)).findFirst().orElseThrow();
      p.shape = shapeInPass(def.getPrimaryType());
      n.anyIgnored |= p.ignored;
    }
  }

  private Property property(Class<?> type, BeanPropertyDefinition def, List<String> ignoredByOption) {
    AnnotatedMember accessor = def.getAccessor();
    Field field = null;
    Method getter = null;
    List<AnnotatedElement> annotated = new ArrayList<>();
    if (def.getField() != null) {
      annotated.add(def.getField().getAnnotated());
    }
    if (def.getGetter() != null) {
      annotated.add(def.getGetter().getAnnotated());
    }
    if (type.isRecord()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        boolean same = accessor instanceof AnnotatedMethod m ? rc.getAccessor().equals(m.getAnnotated())
            : accessor instanceof AnnotatedField f && rc.getName().equals(f.getName());
        if (same) {
          annotated.add(rc);
          try {
            field = type.getDeclaredField(rc.getName());
          } catch (NoSuchFieldException e) {
            throw new DiffModelException("record " + type.getName() + " has no field for component " + rc.getName(), e);
          }
        }
      }
    }
    if (field == null) {
      if (accessor instanceof AnnotatedField f) {
        field = f.getAnnotated();
      } else if (accessor instanceof AnnotatedMethod m) {
        getter = m.getAnnotated();
      }
    }
    if (field != null && !makeAccessible(field)) {
      if (accessor instanceof AnnotatedMethod m && makeAccessible(m.getAnnotated())) {
        field = null;
        getter = m.getAnnotated();
      } else {
        throw new DiffModelException("cannot read property '" + def.getName() + "' of " + type.getName()
            + ": its field is not accessible (open the package to the differ)");
      }
    } else if (getter != null && !makeAccessible(getter)) {
      throw new DiffModelException("cannot read property '" + def.getName() + "' of " + type.getName()
          + ": its getter is not accessible (open the package to the differ)");
    }
    boolean ignored = has(annotated, DiffIgnore.class) || ignoredByOption.contains(def.getName());
    Method accessorMethod = accessor instanceof AnnotatedMethod m ? m.getAnnotated() : null;
    return new Property(def.getName(), field, getter, accessorMethod, ignored, has(annotated, Sensitive.class),
        has(annotated, DiffKey.class));
  }

  private static boolean has(List<AnnotatedElement> elements, Class<? extends Annotation> annotation) {
    for (AnnotatedElement e : elements) {
      if (e.isAnnotationPresent(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static boolean makeAccessible(AccessibleObject o) {
    try {
      o.setAccessible(true);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    if (type == int.class) {
      return Integer.class;
    }
    if (type == long.class) {
      return Long.class;
    }
    if (type == double.class) {
      return Double.class;
    }
    if (type == boolean.class) {
      return Boolean.class;
    }
    if (type == float.class) {
      return Float.class;
    }
    if (type == short.class) {
      return Short.class;
    }
    if (type == byte.class) {
      return Byte.class;
    }
    if (type == char.class) {
      return Character.class;
    }
    return Void.class;
  }

  /**
   * Computes fastEquals for everything in the pass as a greatest fixed point: start
   * from true, clear until stable. That is the right reading for recursive types, whose values are
   * finite trees.
   */
  private void computeFlags() {
    for (TypeNode n : pendingNodes.values()) {
      n.fastEquals = n.kind == Kind.BEAN;
    }
    for (Shape s : pendingShapes.values()) {
      s.fastEquals = true;
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (TypeNode n : pendingNodes.values()) {
        if (n.kind != Kind.BEAN) {
          continue;
        }
        boolean fast = n.generatedEquals && !n.anyIgnored && n.normalizeDesired == null
            && n.normalizeCurrent == null && n.comparator == null;
        for (Property p : n.properties) {
          fast &= shapeFast(p.shape);
        }
        if (fast != n.fastEquals) {
          n.fastEquals = fast;
          changed = true;
        }
      }
      for (Shape s : pendingShapes.values()) {
        boolean fast = computeShapeFast(s);
        if (fast != s.fastEquals) {
          s.fastEquals = fast;
          changed = true;
        }
      }
    }
  }

  private static boolean shapeFast(Shape s) {
    return s != Shape.UNTYPED && s.fastEquals;
  }

  private boolean computeShapeFast(Shape s) {
    if (s.fixed != null) {
      TypeNode f = s.fixed;
      if (f.normalizeDesired != null || f.normalizeCurrent != null || f.comparator != null) {
        return false;
      }
      return f.kind.isScalar() || (f.kind == Kind.BEAN && f.fastEquals);
    }
    Kind kind = classify(s.raw);
    switch (kind) {
      case COLLECTION:
      case OPTIONAL:
        return shapeFast(s.element) && Options.lookup(options.comparators(), s.raw) == null;
      case MAP:
        return shapeFast(s.value) && Options.lookup(options.comparators(), s.raw) == null;
      case JSON:
        return true;
      case NUMBER:
        return Options.lookup(options.comparators(), s.raw) == null
            && Options.lookup(options.desiredNormalizers(), s.raw) == null
            && Options.lookup(options.currentNormalizers(), s.raw) == null;
      default:
        if (s.raw.isSealed()) {
          for (Class<?> sub : s.raw.getPermittedSubclasses()) {
            TypeNode n = nodes.get(sub);
            if (n == null) {
              n = pendingNodes.get(sub);
            }
            if (n == null || n.kind != Kind.BEAN || !n.fastEquals) {
              return false;
            }
          }
          return true;
        }
        return false;
    }
  }
}
