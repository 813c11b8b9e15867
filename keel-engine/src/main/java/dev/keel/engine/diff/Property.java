package dev.keel.engine.diff;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One JSON-visible property of a bean plan: its JSON name, how to read it, its declared shape and its
 * flags. Record components are read from their fields, and primitives through the typed
 * {@link Field} getters, so reading a leaf boxes nothing.
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
  /** Set once the owning plan is compiled; the shape graph may be cyclic. */
  Shape shape;

  Property(String name, Field field, Method getter, boolean ignored, boolean sensitive, boolean key) {
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
  }

  Object get(Object bean) {
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
