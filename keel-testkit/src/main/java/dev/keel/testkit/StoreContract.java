package dev.keel.testkit;

import dev.keel.engine.store.KeelStore;
import org.junit.jupiter.api.Nested;

/**
 * The behaviour every {@link KeelStore} must have: the contract of each of its concerns, run together. Extend
 * it with a store under test:
 *
 * <pre>{@code
 * class MyStoreContractTest extends StoreContract {
 *   protected KeelStore newStore() { return new MyStore(dataSource()); }
 * }
 * }</pre>
 *
 * <p>While a store is being written, one concern at a time can be tested by extending that concern's contract
 * ({@link DeliveryConfigRepositoryContract}, {@link ResourceRepositoryContract}, {@link ResourceHistoryContract},
 * {@link PauseRepositoryContract}, {@link TaskRepositoryContract}, {@link CheckScheduleContract},
 * {@link LeaseContract}, {@link CheckCallsContract}, {@link ArtifactRepositoryContract},
 * {@link PromotionRepositoryContract}, {@link StatusViewContract}) with a store
 * that implements only what that contract's type parameter asks for.
 */
public abstract class StoreContract {

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract KeelStore newStore();

  /** Delivery configs and the resources they store. */
  @Nested
  class DeliveryConfigs extends DeliveryConfigRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Managed resources and their state. */
  @Nested
  class Resources extends ResourceRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Resource and application history. */
  @Nested
  class History extends ResourceHistoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Pauses. */
  @Nested
  class Pauses extends PauseRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Task records. */
  @Nested
  class Tasks extends TaskRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** The check schedule. */
  @Nested
  class Schedule extends CheckScheduleContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Leases on claimed checks, and the writes made under them. */
  @Nested
  class Leases extends LeaseContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** The calls that span concerns for a resource check: its inputs in one read, its end in one write. */
  @Nested
  class CheckCalls extends CheckCallsContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Artifact versions. */
  @Nested
  class Artifacts extends ArtifactRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** Promotion state. */
  @Nested
  class Promotions extends PromotionRepositoryContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }

  /** The read-only status view of every stored config. */
  @Nested
  class Statuses extends StatusViewContract<KeelStore> {
    @Override
    protected KeelStore newStore() {
      return StoreContract.this.newStore();
    }
  }
}
