package dev.keel.testkit;

import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;

class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected KeelStore newStore() {
    return new InMemoryStore();
  }
}
