/**
 * Plugin loading: PF4J plugins (zips, jars, directories) from a plugins root and extensions from the host
 * classpath, each plugin in its own class loader that takes the SPI from the host, version-checked,
 * constructed once with a {@link dev.keel.spi.KeelContext}, broken plugins reported and skipped.
 *
 * <p>Start with {@link dev.keel.engine.plugin.PluginLoader#builder()}.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.plugin;

import javax.annotation.ParametersAreNonnullByDefault;
