package dev.keel.engine.internal.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.Manifest;
import javax.annotation.Nullable;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * Reads plugin descriptors: {@code plugin.properties} first, then {@code MANIFEST.MF} {@code Plugin-*} entries,
 * like PF4J's own compound finder, but without its error log of each miss with a stack trace (a plugin without a
 * descriptor is reported once, as a failure, by {@link PluginLoader}). It also remembers the former ids a
 * descriptor names in the Keel SDK's own entry, {@value #ALIASES_PROPERTY} or {@value #ALIASES_ATTRIBUTE}
 * (comma-separated; PF4J and kork ignore it), under which hosts may still name the plugin for a release.
 */
final class KeelDescriptorFinder implements PluginDescriptorFinder {

  /** The descriptor property naming a plugin's former ids. */
  static final String ALIASES_PROPERTY = "plugin.aliases";

  /** The manifest form of {@link #ALIASES_PROPERTY}. */
  static final String ALIASES_ATTRIBUTE = "Plugin-Aliases";

  private final Map<String, List<String>> aliases = new HashMap<>();

  private final PluginDescriptorFinder properties = new PropertiesPluginDescriptorFinder() {
    @Override
    protected PluginDescriptor createPluginDescriptor(Properties p) {
      return withAliases(super.createPluginDescriptor(p), p.getProperty(ALIASES_PROPERTY));
    }
  };

  private final PluginDescriptorFinder manifest = new ManifestPluginDescriptorFinder() {
    @Override
    protected PluginDescriptor createPluginDescriptor(Manifest m) {
      return withAliases(super.createPluginDescriptor(m), m.getMainAttributes().getValue(ALIASES_ATTRIBUTE));
    }
  };

  @Override
  public boolean isApplicable(Path pluginPath) {
    return properties.isApplicable(pluginPath) || manifest.isApplicable(pluginPath);
  }

  @Override
  public PluginDescriptor find(Path pluginPath) {
    try {
      return properties.find(pluginPath);
    } catch (RuntimeException notProperties) {
      try {
        return manifest.find(pluginPath);
      } catch (RuntimeException notManifest) {
        throw new PluginRuntimeException("it holds neither a plugin.properties with plugin.id nor a "
            + "MANIFEST.MF with Plugin-Id");
      }
    }
  }

  /** Remembers the former ids a descriptor names, a comma-separated list. */
  private PluginDescriptor withAliases(PluginDescriptor descriptor, @Nullable String list) {
    List<String> former = new ArrayList<>();
    if (list != null) {
      for (String alias : list.split(",")) {
        if (!alias.isBlank() && !alias.trim().equals(descriptor.getPluginId())) {
          former.add(alias.trim());
        }
      }
    }
    synchronized (aliases) {
      aliases.put(descriptor.getPluginId(), List.copyOf(former));
    }
    return descriptor;
  }

  /** The former ids of a plugin whose descriptor was read. */
  List<String> aliasesOf(String pluginId) {
    synchronized (aliases) {
      return aliases.getOrDefault(pluginId, List.of());
    }
  }
}
