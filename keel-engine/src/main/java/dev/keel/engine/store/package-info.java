/**
 * The engine's source of truth: delivery configs, versioned resources, per-resource state, history,
 * pauses, tasks, the check schedule, artifact versions and promotion state, behind the
 * {@link dev.keel.engine.store.KeelStore} SPI. The values stored (promotion records, constraint and
 * verification states, pins) live here too, so that the store depends on no engine package but
 * {@code event}.
 *
 * <p>{@link dev.keel.engine.store.InMemoryStore} is the default; other stores pass keel-testkit's StoreContract.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.store;

import javax.annotation.ParametersAreNonnullByDefault;
