package dev.keel.engine.it;

import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.KeelStore;
import dev.keel.testkit.StoreContract;

class InMemoryStoreContractTest extends StoreContract {
  @Override
  protected KeelStore newStore() {
    return new InMemoryStore();
  }
}
