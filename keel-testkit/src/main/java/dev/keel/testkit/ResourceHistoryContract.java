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

  @Test
  void eventsRecordingWhoChangedAConfigOrAPromotionReadBackEqual() {
    store.storeDeliveryConfig(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1)), T0);
    store.appendEvent(new ResourceEvent.Created("fake:thing:a", "fnord", T0));
    List<ApplicationEvent> written = List.of(
        new ApplicationEvent.ConfigSubmitted("fnord", T0.plusSeconds(1), "fnord-manifest", "alice", null, 1, 0, 0),
        new ApplicationEvent.Unpinned("fnord", T0.plusSeconds(2), "fnord-manifest", "test", "fnord", "bob", "done"),
        new ApplicationEvent.Unvetoed("fnord", T0.plusSeconds(3), "fnord-manifest", "test", "fnord", "fnord-1.1.0",
            "carol", null),
        new ApplicationEvent.ConfigDeleted("fnord", T0.plusSeconds(4), "fnord-manifest", "dave", "retired", 1));
    written.forEach(store::appendEvent);

    List<KeelEvent> history = store.history("fake:thing:a", 10);

    assertEquals(List.of(written.get(3), written.get(2), written.get(1), written.get(0)), history.subList(0, 4));
  }
}
