package dev.keel.engine.internal.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;

/**
 * Creates a plugin's {@link Plugin} instance. Unlike PF4J's factory, which logs and returns null (so
 * that starting fails later with a bare NullPointerException), it throws with a reason, which PF4J
 * records as the plugin's failure. A missing {@code Plugin-Class} means a plain {@link Plugin}.
 */
final class KeelPluginFactory implements PluginFactory {

  @Override
  public Plugin create(PluginWrapper wrapper) {
    String className = wrapper.getDescriptor().getPluginClass();
    if (className == null || className.isBlank() || Plugin.class.getName().equals(className)) {
      return new Plugin();
    }
    Class<?> type;
    try {
      type = wrapper.getPluginClassLoader().loadClass(className);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new PluginClassException("its plugin class " + className + " cannot be loaded: "
          + KeelExtensionFactory.describe(e), e);
    }
    if (!Plugin.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new PluginClassException("its plugin class " + className + " is not a concrete subclass of "
          + Plugin.class.getName());
    }
    try {
      Constructor<?> constructor;
      Object[] args;
      try {
        // Plugins written for PF4J before 3.9 take their wrapper.
        constructor = type.getConstructor(PluginWrapper.class);
        args = new Object[] {wrapper};
      } catch (NoSuchMethodException e) {
        constructor = type.getConstructor();
        args = new Object[0];
      }
      return (Plugin) constructor.newInstance(args);
    } catch (NoSuchMethodException e) {
      throw new PluginClassException("its plugin class " + className
          + " has neither a public no-argument constructor nor one taking a PluginWrapper", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new PluginClassException("its plugin class " + className + " could not be constructed: "
          + KeelExtensionFactory.describe(cause), cause);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new PluginClassException("its plugin class " + className + " could not be constructed: "
          + KeelExtensionFactory.describe(e), e);
    }
  }
}
