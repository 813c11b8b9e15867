package dev.keel.engine.internal.plugin;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * PF4J's jar and directory loaders, giving each plugin a {@link KeelPluginClassLoader} whose parent is
 * the host's class loader. Zips are expanded to directories before they get here.
 */
final class KeelPluginLoaders {

  private KeelPluginLoaders() {}

  /**
   * The loaders for jars ({@code MANIFEST.MF} with {@code Plugin-*} entries) and directories
   * ({@code plugin.properties}, {@code classes/}, {@code lib/}).
   *
   * @param manager the plugin manager
   * @param host the host's class loader, asked only when a plugin is loaded
   */
  static PluginLoader create(PluginManager manager, Supplier<ClassLoader> host) {
    return new CompoundPluginLoader().add(new Jar(manager, host)).add(new Directory(manager, host));
  }

  private static final class Jar extends JarPluginLoader {
    private final Supplier<ClassLoader> host;

    Jar(PluginManager manager, Supplier<ClassLoader> host) {
      super(manager);
      this.host = host;
    }

    @Override
    public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
      PluginClassLoader loader = new KeelPluginClassLoader(pluginManager, descriptor, host.get());
      loader.addFile(pluginPath.toFile());
      return loader;
    }
  }

  private static final class Directory extends DefaultPluginLoader {
    private final Supplier<ClassLoader> host;

    Directory(PluginManager manager, Supplier<ClassLoader> host) {
      super(manager);
      this.host = host;
    }

    @Override
    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
      return new KeelPluginClassLoader(pluginManager, descriptor, host.get());
    }
  }
}
