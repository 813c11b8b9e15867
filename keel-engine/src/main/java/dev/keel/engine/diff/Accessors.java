package dev.keel.engine.diff;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Spins a lambda per getter (a record accessor or a bean getter) with {@link LambdaMetafactory}: a
 * plain virtual call, several times cheaper than {@code Field.get}, whose receiver check dominated the
 * equal path. Returns null where the model's class loader or module does not allow it; the property
 * then reads through reflection.
 */
final class Accessors {

  private Accessors() {}

  /** One of Function, ToIntFunction, ToLongFunction, ToDoubleFunction or Predicate, or null. */
  static Object spin(Method getter) {
    try {
      Class<?> owner = getter.getDeclaringClass();
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      MethodHandle target = lookup.unreflect(getter);
      Class<?> ret = getter.getReturnType();
      Class<?> sam;
      String name;
      MethodType erased;
      if (ret == int.class) {
        sam = ToIntFunction.class;
        name = "applyAsInt";
        erased = MethodType.methodType(int.class, Object.class);
      } else if (ret == long.class) {
        sam = ToLongFunction.class;
        name = "applyAsLong";
        erased = MethodType.methodType(long.class, Object.class);
      } else if (ret == double.class) {
        sam = ToDoubleFunction.class;
        name = "applyAsDouble";
        erased = MethodType.methodType(double.class, Object.class);
      } else if (ret == boolean.class) {
        sam = Predicate.class;
        name = "test";
        erased = MethodType.methodType(boolean.class, Object.class);
      } else {
        sam = Function.class;
        name = "apply";
        erased = MethodType.methodType(Object.class, Object.class);
        ret = PlanCompiler.box(ret);
      }
      return LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(sam), erased, target,
          MethodType.methodType(ret, owner)).getTarget().invoke();
    } catch (Throwable e) {
      // Fall back to reflection: an inaccessible module or a loader that cannot define the lambda.
      return null;
    }
  }
}
