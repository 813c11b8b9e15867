package dev.keel.engine.internal.plugin;

import java.io.IOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/**
 * A plugin's class loader: plugin first (PF4J's PDA) for everything except the packages the host
 * provides, which always come from the host so that a plugin that wrongly bundles its own copy still
 * shares the host's types. Those are the SPI and its libraries, and the port API packages
 * {@code dev.keel.<name>.api.} (such as {@code dev.keel.ec2.api.}), so that a port a host implements from
 * its API jar ({@code Ec2Cloud}) is the very type the plugin asks {@code KeelContext.service} for. Works on
 * PF4J 3.10, which has no {@code shouldDelegateToParent} hook.
 *
 * <p>The extension index is read from the plugin alone: PF4J would otherwise fall back to the host's
 * index for a plugin that has none and list the host's extensions as the plugin's.
 */
final class KeelPluginClassLoader extends PluginClassLoader {

  /** Packages always loaded from the host (DESIGN.md §1.2 and §6 "Plugins"). */
  static final List<String> HOST_PACKAGES =
      List.of("dev.keel.spi.", "org.pf4j.", "org.slf4j.", "com.fasterxml.jackson.annotation.");

  /** Port API packages, such as {@code dev.keel.ec2.api.} and {@code dev.keel.cloud.api.}. */
  static final Pattern PORT_API = Pattern.compile("^dev\\.keel\\.[\\w-]+\\.api\\.");

  /** Where PF4J's annotation processor lists a module's extensions. */
  static final String EXTENSION_INDEX = "META-INF/extensions.idx";

  KeelPluginClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader host) {
    super(manager, descriptor, host, ClassLoadingStrategy.PDA);
  }

  static boolean fromHost(String className) {
    for (String prefix : HOST_PACKAGES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return PORT_API.matcher(className).find();
  }

  /**
   * What to do about a class a plugin could not load, when it is a port API class the host should provide:
   * the hint to add to the failure, or an empty string.
   *
   * @param failure why loading or constructing an extension failed
   */
  static String missingPortHint(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
        String name = String.valueOf(t.getMessage()).replace('/', '.');
        if (PORT_API.matcher(name).find()) {
          return " (" + name + " belongs to a port API jar the host provides: put that jar, such as"
              + " dev.keel:keel-ec2-api for dev.keel.ec2.api, on the host's class path; plugins do not bundle it)";
        }
      }
    }
    return "";
  }

  @Override
  public Class<?> loadClass(String className) throws ClassNotFoundException {
    if (fromHost(className)) {
      try {
        return getParent().loadClass(className);
      } catch (ClassNotFoundException notOnHost) {
        // Not provided by this host (say, an optional Jackson annotation): let the plugin supply it.
      }
    }
    return super.loadClass(className);
  }

  @Override
  public URL getResource(String name) {
    return EXTENSION_INDEX.equals(name) ? findResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return EXTENSION_INDEX.equals(name) ? findResources(name) : super.getResources(name);
  }
}
