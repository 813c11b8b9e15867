/**
 * API. What plugin loading reports to the host: a {@link dev.keel.engine.plugin.PluginFailure} for each plugin or
 * extension that was skipped ({@code KeelEngine.pluginFailures()}); hosts load plugins with {@code KeelEngineBuilder.plugins}.
 *
 * <p>Loading over PF4J is in {@code dev.keel.engine.internal.plugin}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.plugin;

import javax.annotation.ParametersAreNonnullByDefault;
