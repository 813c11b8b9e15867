package dev.keel.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.DeliveryConfigRepository;
import dev.keel.engine.store.ResourceHistory;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour of a store's {@link ResourceHistory}: a resource's history is newest first and includes its
 * application's events.
 *
 * @param <S> the store's type
 */
public abstract class ResourceHistoryContract<S extends DeliveryConfigRepository & ResourceHistory>
    extends StoreConcernContract<S> {

  @Test
  void historyIsNewestFirstAndIncludesTheApplicationsEvents() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.appendEvent(new ResourceEvent.Created("fake:thing:a", "fnord", T0));
    store.appendEvent(new ApplicationEvent.Paused("fnord", T0.plusSeconds(1), "alice", null));
    store.appendEvent(new ResourceEvent.Valid("fake:thing:a", "fnord", T0.plusSeconds(2)));

    List<KeelEvent> history = store.history("fake:thing:a", 10);

    assertEquals(List.of("Valid", "Paused", "Created"),
        history.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toList()));
    assertEquals("Valid", store.lastResourceEvent("fake:thing:a").orElseThrow().getClass().getSimpleName());
    assertEquals(2, store.history("fake:thing:a", 2).size());
  }
}
