package dev.keel.engine.diff;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * One JSON-visible property of a bean plan: its JSON name, how to read it, its declared shape and its
 * flags. Getters are read through spun lambdas, primitives through primitive functional interfaces, so
 * reading a leaf boxes nothing; fields and inaccessible getters fall back to reflection.
 */
final class Property {

  static final int REF = 0;
  static final int INT = 1;
  static final int LONG = 2;
  static final int DOUBLE = 3;
  static final int BOOLEAN = 4;
  static final int OTHER_PRIMITIVE = 5;

  private static final Object[] NO_ARGS = new Object[0];

  final String name;
  final boolean ignored;
  final boolean sensitive;
  final boolean key;
  final int primitive;
  private final Field field;
  private final Method getter;
  /** A spun lambda reading the property (see {@link Accessors}), or null to read reflectively. */
  private final Function<Object, Object> reader;
  private final ToIntFunction<Object> intReader;
  private final ToLongFunction<Object> longReader;
  private final ToDoubleFunction<Object> doubleReader;
  private final Predicate<Object> booleanReader;
  /** Set once the owning plan is compiled; the shape graph may be cyclic. */
  Shape shape;

  @SuppressWarnings("unchecked")
  Property(String name, Field field, Method getter, Method accessor, boolean ignored, boolean sensitive,
      boolean key) {
    this.name = name;
    this.field = field;
    this.getter = getter;
    this.ignored = ignored;
    this.sensitive = sensitive;
    this.key = key;
    Class<?> t = field != null ? field.getType() : getter.getReturnType();
    if (field == null || !t.isPrimitive()) {
      primitive = REF;
    } else if (t == int.class) {
      primitive = INT;
    } else if (t == long.class) {
      primitive = LONG;
    } else if (t == double.class) {
      primitive = DOUBLE;
    } else if (t == boolean.class) {
      primitive = BOOLEAN;
    } else {
      primitive = OTHER_PRIMITIVE;
    }
    Object spun = accessor == null ? null : Accessors.spin(accessor);
    reader = spun instanceof Function<?, ?> f ? (Function<Object, Object>) f : null;
    intReader = spun instanceof ToIntFunction<?> f ? (ToIntFunction<Object>) f : null;
    longReader = spun instanceof ToLongFunction<?> f ? (ToLongFunction<Object>) f : null;
    doubleReader = spun instanceof ToDoubleFunction<?> f ? (ToDoubleFunction<Object>) f : null;
    booleanReader = spun instanceof Predicate<?> f ? (Predicate<Object>) f : null;
  }

  Object get(Object bean) {
    if (reader != null) {
      return reader.apply(bean);
    }
    try {
      if (field != null) {
        return field.get(bean);
      }
      return getter.invoke(bean, NO_ARGS);
    } catch (IllegalAccessException e) {
      throw new DiffModelException("cannot read property '" + name + "' of " + bean.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      throw new DiffModelException("getter of property '" + name + "' of " + bean.getClass().getName()
          + " threw " + e.getCause(), e.getCause());
    }
  }

  /** Compares a primitive property of two beans without boxing. */
  boolean primitiveEquals(Object d, Object c) {
    switch (primitive) {
      case INT:
        if (intReader != null) {
          return intReader.applyAsInt(d) == intReader.applyAsInt(c);
        }
        break;
      case LONG:
        if (longReader != null) {
          return longReader.applyAsLong(d) == longReader.applyAsLong(c);
        }
        break;
      case DOUBLE:
        if (doubleReader != null) {
          double x = doubleReader.applyAsDouble(d);
          double y = doubleReader.applyAsDouble(c);
          return x == y || (Double.isNaN(x) && Double.isNaN(y));
        }
        break;
      case BOOLEAN:
        if (booleanReader != null) {
          return booleanReader.test(d) == booleanReader.test(c);
        }
        break;
      default:
    }
    try {
      switch (primitive) {
        case INT:
          return field.getInt(d) == field.getInt(c);
        case LONG:
          return field.getLong(d) == field.getLong(c);
        case DOUBLE: {
          double x = field.getDouble(d);
          double y = field.getDouble(c);
          return x == y || (Double.isNaN(x) && Double.isNaN(y));
        }
        case BOOLEAN:
          return field.getBoolean(d) == field.getBoolean(c);
        default:
          return field.get(d).equals(field.get(c));
      }
    } catch (IllegalAccessException e) {
      throw new DiffModelException("cannot read property '" + name + "' of " + d.getClass().getName(), e);
    }
  }
}
