/**
 * Internal: not API; may change without notice. The engine's implementation, one package per area, used by the
 * façade in {@code dev.keel.engine}; hosts, plugins, keel-testkit and the guides use only the API packages.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.internal;

import javax.annotation.ParametersAreNonnullByDefault;
