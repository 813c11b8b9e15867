package dev.keel.engine.it;

import dev.keel.engine.store.ForwardingStore;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.testkit.StoreContract;

/** A store wrapped in a {@link ForwardingStore} that overrides nothing is as good a store as the one it wraps. */
class ForwardingStoreContractTest extends StoreContract {
  @Override
  protected KeelStore newStore() {
    return new ForwardingStore(new InMemoryStore()) {};
  }
}
