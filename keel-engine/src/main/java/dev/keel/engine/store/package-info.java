/**
 * The engine's source of truth: delivery configs, versioned resources, per-resource state, history,
 * pauses, tasks and the check schedule, behind the {@link dev.keel.engine.store.KeelStore} SPI.
 *
 * <p>{@link dev.keel.engine.store.InMemoryStore} is the default; other stores pass keel-testkit's StoreContract.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.store;

import javax.annotation.ParametersAreNonnullByDefault;
