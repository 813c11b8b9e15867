package dev.keel.engine.internal.plugin;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.pf4j.AbstractExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.processor.ExtensionStorage;

/**
 * Reads PF4J's extension index ({@code META-INF/extensions.idx}, written by its annotation processor):
 * the host's from the host class loader the loader was given (PF4J reads its own class loader's), and
 * each plugin's from the plugin's own classpath only (PF4J falls back to the host's index for a plugin
 * that has none, attributing the host's extensions to it). Same on PF4J 3.10 and 3.15, whose built-in
 * finders differ in name.
 */
final class KeelExtensionFinder extends AbstractExtensionFinder {

  private final Supplier<ClassLoader> host;

  KeelExtensionFinder(PluginManager manager, Supplier<ClassLoader> host) {
    super(manager);
    this.host = host;
  }

  @Override
  public Map<String, Set<String>> readClasspathStorages() {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    try {
      result.put(null, read(host.get().getResources(KeelPluginClassLoader.EXTENSION_INDEX)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the host's " + KeelPluginClassLoader.EXTENSION_INDEX, e);
    }
    return result;
  }

  @Override
  public Map<String, Set<String>> readPluginsStorages() {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (PluginWrapper plugin : pluginManager.getPlugins()) {
      ClassLoader loader = plugin.getPluginClassLoader();
      try {
        Enumeration<URL> own = loader instanceof URLClassLoader
            ? ((URLClassLoader) loader).findResources(KeelPluginClassLoader.EXTENSION_INDEX)
            : loader.getResources(KeelPluginClassLoader.EXTENSION_INDEX);
        result.put(plugin.getPluginId(), read(own));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + KeelPluginClassLoader.EXTENSION_INDEX + " of plugin '"
            + plugin.getPluginId() + "'", e);
      }
    }
    return result;
  }

  private static Set<String> read(Enumeration<URL> indexes) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    while (indexes.hasMoreElements()) {
      try (Reader reader = new InputStreamReader(indexes.nextElement().openStream(), StandardCharsets.UTF_8)) {
        ExtensionStorage.read(reader, names);
      }
    }
    return names;
  }
}
