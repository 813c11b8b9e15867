/**
 * API and SPI for store writers: the engine's source of truth behind {@link dev.keel.engine.store.KeelStore}, one
 * interface per concern, and the values stored (resource state, tasks, pauses, promotion records, constraint and
 * verification states, pins); they depend on no engine package but {@code event}.
 *
 * <p>{@link dev.keel.engine.store.InMemoryStore} is the default, {@link dev.keel.engine.store.ForwardingStore} the base
 * of wrappers; other stores pass keel-testkit's StoreContract. The in-memory tables are package-private.
 */
@ParametersAreNonnullByDefault
package dev.keel.engine.store;

import javax.annotation.ParametersAreNonnullByDefault;
