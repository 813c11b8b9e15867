/**
 * Internal: not API; may change without notice. Plugin loading over PF4J ({@code PluginLoader}): plugin roots,
 * class loading parent-first for the SPI, version checks, start deadlines, failures reported and skipped.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal.plugin;

import javax.annotation.ParametersAreNonnullByDefault;
