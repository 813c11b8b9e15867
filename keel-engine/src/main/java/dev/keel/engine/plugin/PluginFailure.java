package dev.keel.engine.plugin;

import java.nio.file.Path;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A plugin, or one extension of it, that could not be loaded, started or constructed and was skipped,
 * while everything else loaded.
 *
 * @param pluginId the plugin's id; the file name when the plugin's descriptor could not be read; or
 *     {@code host} for an extension on the host's classpath
 * @param path the plugin's file or directory, or null for host extensions
 * @param reason what went wrong, such as {@code requires engine >=9.0.0 but this engine is 0.1.0}
 */
public record PluginFailure(String pluginId, @Nullable Path path, String reason) {

  /** Checks for nulls. */
  public PluginFailure {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return "plugin '" + pluginId + "'" + (path == null ? "" : " (" + path + ")") + ": " + reason;
  }
}
