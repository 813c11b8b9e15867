/**
 * The engine's entry point: {@link dev.keel.engine.KeelEngine}, built once with its
 * {@link dev.keel.engine.EngineConfig}, store, clock and extensions, then driven by the host.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine;

import javax.annotation.ParametersAreNonnullByDefault;
