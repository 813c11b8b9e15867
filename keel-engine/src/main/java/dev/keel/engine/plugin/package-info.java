/**
 * Plugin loading over PF4J: plugins from a directory and extensions from the host classpath, each plugin
 * version-checked in its own class loader; broken plugins are reported and skipped, the rest load.
 *
 * <p>Start with {@link dev.keel.engine.plugin.PluginLoader#builder()}.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.plugin;

import javax.annotation.ParametersAreNonnullByDefault;
