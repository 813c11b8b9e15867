package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.engine.store.CheckResult;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.ResourceRepository;
import dev.keel.engine.store.ResourceState;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link ResourceRepository}: a managed resource's state is kept, and goes with
 * the resource.
 *
 * @param <S> the store's type
 */
public abstract class ResourceRepositoryContract<S extends DeliveryConfigRepository & ResourceRepository>
    extends StoreConcernContract<S> {

  @Test
  void stateIsSavedPerResourceAndForgottenWithIt() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    ResourceState s = ResourceState.initial("fake:thing:a").checked(CheckResult.IN_SYNC, T0, null);

    store.saveState(s);
    assertEquals(s, store.state("fake:thing:a"));

    store.storeDeliveryConfig(Configs.single("fnord", "test"), T0);
    assertEquals(ResourceState.initial("fake:thing:a"), store.state("fake:thing:a"));
  }
}
