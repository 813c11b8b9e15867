package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.store.Footprint;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.engine.store.Retention;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long soak in which every resource is renamed over and over: what the store and the harness hold stays bounded. */
class RetentionScenarioTest {

  private static final int RESOURCES = 200;
  private static final Duration RENAME_EVERY = Duration.ofMinutes(10);
  private static final Duration SOAK = Duration.ofHours(8);

  private static DeliveryConfig generation(int generation) {
    List<Resource<?>> resources = new ArrayList<>();
    for (int i = 0; i < RESOURCES; i++) {
      resources.add(Configs.thing("web-g" + generation + "-" + i, "fnord", 1));
    }
    return new DeliveryConfig("fnord", null, null, List.of(),
        List.of(new Environment("test", resources, List.of(), List.of(), List.of(), null)));
  }

  @Test
  void renamingResourcesForHoursHoldsOnlyTheCurrentOnesAndThoseRemovedWithinTheGracePeriod() {
    VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
    FakeCloud cloud = new FakeCloud(scheduler);
    Retention retention = Retention.defaults();
    InMemoryStore store = new InMemoryStore(retention);
    int renames = (int) (SOAK.toMinutes() / RENAME_EVERY.toMinutes());
    try (EngineHarness h = EngineHarness.builder().scheduler(scheduler).eventLimit(5_000)
        .config(EngineConfig.builder().checkInterval(Duration.ofMinutes(5)).taskPollInterval(Duration.ofSeconds(30)).build())
        .engine(b -> b.store(store).handler(FakeHandler.builder(cloud, scheduler).build()).taskMonitor(cloud)).build()) {
      for (int g = 0; g < renames; g++) {
        h.engine().submit(generation(g));
        h.advance(RENAME_EVERY);
      }

      Footprint held = store.footprint();
      long removed = (long) (renames - 1) * RESOURCES;
      System.out.printf("after %s renaming %d resources every %s: %d ids removed, store holds %d resource ids,"
          + " %d events, %d tasks; harness holds %d events (%d dropped)%n", SOAK, RESOURCES, RENAME_EVERY, removed,
          held.resourceIds(), held.events(), held.tasks(), h.events().size(), h.droppedEvents());
      long generationsInGrace = retention.removedGrace().dividedBy(RENAME_EVERY) + 1;
      assertThat(held.managedResources()).isEqualTo(RESOURCES);
      assertThat(held.resourceIds()).as("current resources and those removed within the grace period")
          .isLessThanOrEqualTo((int) ((generationsInGrace + 1) * RESOURCES));
      assertThat(held.events()).isLessThanOrEqualTo(held.resourceIds() * 10);
      assertThat(held.tasks()).isLessThanOrEqualTo(held.resourceIds());
      assertThat(h.events()).hasSize(5_000);
      assertThat(h.droppedEvents()).isPositive();
    }
  }
}
