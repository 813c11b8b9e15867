/**
 * API. The engine's entry point: {@link dev.keel.engine.KeelEngine}, built once by {@link dev.keel.engine.KeelEngineBuilder}
 * with its {@link dev.keel.engine.EngineConfig}, then driven by the host and through its controls (promotions, pauses, freezes).
 *
 * <p>The wiring and the loops (checks, promotion, task polling) are package-private here rather than internal: they
 * read {@code EngineConfig}, so under {@code dev.keel.engine.internal} the façade and they would depend on each other.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine;

import javax.annotation.ParametersAreNonnullByDefault;
