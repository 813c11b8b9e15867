package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.Pause;
import dev.keel.engine.store.PauseRepository;
import dev.keel.engine.store.PauseScope;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link PauseRepository}: a pause outlives the config of what it pauses.
 *
 * @param <S> the store's type
 */
public abstract class PauseRepositoryContract<S extends DeliveryConfigRepository & PauseRepository>
    extends StoreConcernContract<S> {

  @Test
  void pausesSurviveTheDeletionOfTheConfig() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.savePause(new Pause(PauseScope.APPLICATION, "fnord", "alice", T0, "incident"));

    store.deleteDeliveryConfig("fnord-manifest");

    assertTrue(store.pause(PauseScope.APPLICATION, "fnord").isPresent());
    assertTrue(store.removePause(PauseScope.APPLICATION, "fnord"));
    assertFalse(store.removePause(PauseScope.APPLICATION, "fnord"));
  }
}
