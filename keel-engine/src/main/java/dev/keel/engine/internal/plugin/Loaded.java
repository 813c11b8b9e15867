package dev.keel.engine.internal.plugin;

import java.util.Objects;

/**
 * An extension and the plugin it came from.
 *
 * @param extension the extension instance, constructed once per {@link PluginLoader#load()}
 * @param pluginId the id of the plugin that contributed it, or {@value #HOST} for an extension found on
 *     the host's classpath
 * @param <T> the extension point
 */
public record Loaded<T>(T extension, String pluginId) {

  /** The plugin id of extensions found on the host's classpath rather than in a plugin. */
  public static final String HOST = "host";

  /** Checks for nulls. */
  public Loaded {
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(pluginId, "pluginId");
  }

  /**
   * Whether the extension came from the host's classpath.
   *
   * @return true for a host extension
   */
  public boolean fromHost() {
    return HOST.equals(pluginId);
  }

  /**
   * Who contributed the extension, for messages and registration conflicts: the plugin id and the
   * extension class, such as {@code plugin 'ec2' (dev.keel.ec2.ClusterHandler)}.
   *
   * @return the description
   */
  public String owner() {
    String type = extension.getClass().getName();
    return fromHost() ? "the host classpath (" + type + ")" : "plugin '" + pluginId + "' (" + type + ")";
  }
}
