/**
 * API. What hosts see of the resource check: its {@link dev.keel.engine.check.GiveUpPolicy} (an {@code EngineConfig}
 * setting), {@link dev.keel.engine.check.ExtensionFailure}, whose name {@code CheckError} events report, and the
 * {@link dev.keel.engine.check.CheckObserver} that metrics hear each finished check and claim from.
 *
 * <p>The check itself is in {@code dev.keel.engine.internal.check}, which is not API.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.check;

import javax.annotation.ParametersAreNonnullByDefault;
