/**
 * API. What hosts see of the resource check: its {@link dev.keel.engine.check.GiveUpPolicy} (an {@code EngineConfig}
 * setting) and {@link dev.keel.engine.check.ExtensionFailure}, whose name {@code CheckError} events report.
 *
 * <p>The check itself is in {@code dev.keel.engine.internal.check}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.check;

import javax.annotation.ParametersAreNonnullByDefault;
