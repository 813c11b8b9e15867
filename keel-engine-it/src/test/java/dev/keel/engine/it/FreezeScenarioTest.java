package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.freeze.FreezeScope;
import dev.keel.engine.freeze.FreezeStatus;
import dev.keel.engine.freeze.OperatorFreeze;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Freeze;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Change freezes on virtual time. */
class FreezeScenarioTest {

  /** Friday 27 March 2026, 18:00 in Berlin (UTC+1); Berlin's clocks go forward on Sunday. */
  private static final Instant FRIDAY_EVENING = Instant.parse("2026-03-27T17:00:00Z");
  private static final Freeze WEEKENDS = new Freeze("weekend", null, null, "weekends", null, "Europe/Berlin");

  private final VirtualScheduler scheduler = new VirtualScheduler(FRIDAY_EVENING);
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private EngineHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private void start(FakeHandler handler, List<OperatorFreeze> operatorFreezes, Resource<?>... resources) {
    h = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).operatorFreezes(operatorFreezes).build())
        .engine(b -> b.handler(handler).taskMonitor(cloud)).build();
    h.engine().submit(new DeliveryConfig("fnord", null, null, List.of(),
        List.of(new Environment("prod", List.of(resources), List.of(), List.of(), List.of(), null, List.of(WEEKENDS)))));
    h.runUntilIdle();
  }

  @Test
  void driftDuringAFreezeIsReportedButNotActedOnAndFixedWhenTheFreezeEnds() {
    cloud.put("web", new FakeModel(3, "1.0"));
    start(FakeHandler.builder(cloud, scheduler).build(), List.of(), Configs.thing("web", "fnord", 3));
    scheduler.advanceTo(Instant.parse("2026-03-28T10:00:00Z")); // Saturday
    cloud.put("web", new FakeModel(1, "1.0"));

    h.advance(Duration.ofHours(30)); // to Sunday 16:00 UTC, still frozen

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.FROZEN);
    assertThat(h.events("fake:thing:web", ResourceEvent.DeltaDetected.class)).isNotEmpty();
    assertThat(h.events("fake:thing:web", ResourceEvent.ActuationVetoed.class)).last()
        .satisfies(v -> assertThat(v.reason()).contains("Frozen until 2026-03-29T22:00:00Z").contains("weekend"));
    assertThat(cloud.launchedTasks()).isZero();

    scheduler.advanceTo(Instant.parse("2026-03-29T22:00:00Z")); // Monday 00:00 in Berlin
    assertThat(h.events("fake:thing:web", ResourceEvent.ActuationLaunched.class)).singleElement()
        .satisfies(l -> assertThat(l.at()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z")));
    h.advance(Duration.ofMinutes(2));
    assertThat(cloud.get("web")).contains(new FakeModel(3, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void anOverrideLetsExactlyOneResourceThrough() {
    scheduler.advanceTo(Instant.parse("2026-03-28T10:00:00Z")); // Saturday: submitted during the freeze
    start(FakeHandler.builder(cloud, scheduler).build(), List.of(), Configs.thing("a", "fnord", 1),
        Configs.thing("b", "fnord", 1));
    h.advance(Duration.ofMinutes(5));
    assertThat(cloud.launchedTasks()).isZero();

    h.engine().freezes().overrideResource("fake:thing:a", Actor.of("oncall", "hotfix for incident 42"));
    h.advance(Duration.ofMinutes(5));

    assertThat(cloud.get("a")).isPresent();
    assertThat(cloud.get("b")).isEmpty();
    assertThat(h.status("fake:thing:a")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(h.status("fake:thing:b")).isEqualTo(ResourceStatus.FROZEN);
    assertThat(h.engine().history("fake:thing:a")).anySatisfy(e -> assertThat(e.message())
        .isEqualTo("Change freeze overridden by oncall: hotfix for incident 42"));
  }

  @Test
  void anActuationInFlightIsNotCancelledByAFreezeThatStarts() {
    start(FakeHandler.builder(cloud, scheduler).taskDuration(Duration.ofMinutes(30)).build(), List.of());
    scheduler.advanceTo(Instant.parse("2026-03-27T22:45:00Z")); // 15 minutes before the freeze
    h.engine().submit(new DeliveryConfig("fnord", null, null, List.of(), List.of(new Environment("prod",
        List.of(Configs.thing("web", "fnord", 2)), List.of(), List.of(), List.of(), null, List.of(WEEKENDS)))));
    h.runUntilIdle();
    assertThat(cloud.launchedTasks()).isEqualTo(1);

    h.advance(Duration.ofHours(1)); // the freeze began at 23:00; the task finished at 23:15

    assertThat(cloud.get("web")).contains(new FakeModel(2, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(cloud.launchedTasks()).isEqualTo(1);
  }

  @Test
  void anOperatorsAccountlessApplicationFreezeAndThePlanShowWhatIsBlockedUntilWhen() {
    Freeze holidays = new Freeze("holidays", LocalDateTime.parse("2026-03-27T00:00"), LocalDateTime.parse("2026-04-06T00:00"),
        null, null, "UTC");
    start(FakeHandler.builder(cloud, scheduler).build(),
        List.of(new OperatorFreeze(FreezeScope.APPLICATION, "fnord", holidays)), Configs.thing("web", "fnord", 1));

    CompletableFuture<dev.keel.engine.plan.Plan> plan = h.engine().planAsync(
        h.engine().configReader().read("""
            application: fnord
            environments:
            - name: prod
              resources:
              - kind: fake/thing@v1
                spec: {name: web, application: fnord, size: 1, version: "1.0"}
            """, "fnord.yml"));
    h.runUntilIdle();
    ResourcePlan web = plan.join().resource("fake:thing:web").orElseThrow();

    assertThat(web.action()).isEqualTo(PlannedAction.BLOCKED);
    assertThat(web.blockedBy()).isEqualTo("freeze");
    assertThat(web.message()).contains("until 2026-04-06T00:00:00Z").contains("operator application fnord");
    List<FreezeStatus> freezes = h.engine().freezes().status("fnord");
    assertThat(freezes).hasSize(2);
    assertThat(freezes).anySatisfy(f -> {
      assertThat(f.source()).startsWith("operator application fnord");
      assertThat(f.active()).isTrue();
      assertThat(f.endsAt()).isEqualTo(Instant.parse("2026-04-06T00:00:00Z"));
    });
    assertThat(freezes).anySatisfy(f -> {
      assertThat(f.source()).startsWith("environment prod");
      assertThat(f.active()).isFalse();
      assertThat(f.nextStart()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
      assertThat(f.resources()).containsExactly("fake:thing:web");
    });
  }
}
