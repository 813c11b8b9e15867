/**
 * API. Keel's REST operations without Spring: {@link dev.keel.spring.api.KeelApi} maps requests onto the engine's
 * public API and answers plain JSON-ready values; the write guard and the authorizer hook decide who may write.
 */
@ParametersAreNonnullByDefault
package dev.keel.spring.api;

import javax.annotation.ParametersAreNonnullByDefault;
