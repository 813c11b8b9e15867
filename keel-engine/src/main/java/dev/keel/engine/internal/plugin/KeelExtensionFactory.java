package dev.keel.engine.internal.plugin;

import dev.keel.spi.KeelContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.pf4j.ExtensionFactory;

/**
 * Creates each extension class once per load: through a public constructor taking a
 * {@link KeelContext} if it has one, else through its public no-argument constructor. Every plugin gets
 * one context, asked of the context factory with the plugin's id ({@value Loaded#HOST} for the host).
 */
final class KeelExtensionFactory implements ExtensionFactory {

  private final Function<Class<?>, String> pluginIdOf;
  private final Function<String, KeelContext> contexts;
  private final Map<Class<?>, Object> instances = new HashMap<>();
  private final Map<String, KeelContext> contextsByPlugin = new HashMap<>();

  /**
   * A factory.
   *
   * @param pluginIdOf the id of the plugin a class belongs to, {@value Loaded#HOST} for the host
   * @param contexts the context factory, given a plugin id
   */
  KeelExtensionFactory(Function<Class<?>, String> pluginIdOf, Function<String, KeelContext> contexts) {
    this.pluginIdOf = pluginIdOf;
    this.contexts = contexts;
  }

  /**
   * The single instance of an extension class, constructed on first use.
   *
   * @throws ExtensionConstructionException naming the plugin, the class and the cause, if it cannot be
   *     constructed
   */
  @Override
  public <T> T create(Class<T> extensionClass) {
    synchronized (this) {
      Object existing = instances.get(extensionClass);
      if (existing != null) {
        return extensionClass.cast(existing);
      }
    }
    // Constructed outside the lock: a constructor that hangs, and that the loader abandons at its deadline,
    // must not keep the next extension from being constructed.
    Object instance = construct(extensionClass);
    synchronized (this) {
      Object earlier = instances.putIfAbsent(extensionClass, instance);
      return extensionClass.cast(earlier != null ? earlier : instance);
    }
  }

  /** Drops every instance and context, so that a closed loader keeps nothing of its plugins. */
  synchronized void clear() {
    instances.clear();
    contextsByPlugin.clear();
  }

  private Object construct(Class<?> type) {
    String pluginId = pluginIdOf.apply(type);
    String what = "extension " + type.getName() + " of plugin '" + pluginId + "'";
    int modifiers = type.getModifiers();
    if (type.isInterface() || Modifier.isAbstract(modifiers)) {
      throw new ExtensionConstructionException(what + " is abstract and cannot be constructed");
    }
    Constructor<?> withContext = publicConstructor(type, KeelContext.class);
    Constructor<?> noArgs = publicConstructor(type);
    if (withContext == null && noArgs == null) {
      throw new ExtensionConstructionException(what + " has neither a public constructor taking a KeelContext nor a "
          + "public no-argument constructor");
    }
    Object[] args;
    Constructor<?> constructor;
    if (withContext != null) {
      constructor = withContext;
      args = new Object[] {context(pluginId, what)};
    } else {
      constructor = noArgs;
      args = new Object[0];
    }
    try {
      constructor.trySetAccessible();
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new ExtensionConstructionException(what + " could not be constructed: " + describe(cause), cause);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new ExtensionConstructionException(what + " could not be constructed: " + describe(e), e);
    }
  }

  private synchronized KeelContext context(String pluginId, String what) {
    KeelContext context = contextsByPlugin.get(pluginId);
    if (context == null) {
      try {
        context = Objects.requireNonNull(contexts.apply(pluginId), "the context factory returned null");
      } catch (RuntimeException e) {
        throw new ExtensionConstructionException(what + " could not be given a KeelContext: " + describe(e), e);
      }
      contextsByPlugin.put(pluginId, context);
    }
    return context;
  }

  private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameters) {
    try {
      return type.getConstructor(parameters);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** A throwable as {@code class name: message}, the form failure reasons use. */
  static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
