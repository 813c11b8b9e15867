package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.store.CheckResult;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.FakeSpec;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The resource check loop end to end, on virtual time. */
class EngineScenarioTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(java.time.Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private EngineHarness harness;

  private EngineHarness harness(FakeHandler handler, EngineConfig config, Veto... vetoes) {
    harness = EngineHarness.builder().scheduler(scheduler).config(config).engine(b -> {
      b.handler(handler).taskMonitor(cloud);
      for (Veto v : vetoes) {
        b.veto(v);
      }
    }).build();
    return harness;
  }

  private EngineHarness harness(FakeHandler handler) {
    return harness(handler, EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build());
  }

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aMissingResourceIsCreatedThenReportedHappy() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());

    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.runUntilIdle();

    assertThat(h.events("fake:thing:web")).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("Created", "Missing", "ActuationLaunched");
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.ACTUATING);

    h.advance(Duration.ofMinutes(2));

    assertThat(cloud.get("web")).contains(new FakeModel(3, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(h.events("fake:thing:web")).extracting(e -> e.getClass().getSimpleName())
        .containsSubsequence("ActuationLaunched", "TaskSucceeded", "DeltaResolved");
  }

  @Test
  void aResourceWithRunningTasksIsNotActedOnAgainEvenIfItsHandlerCannotTell() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).taskDuration(Duration.ofMinutes(10))
        .reportsActuationInProgress(false).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));

    h.advance(Duration.ofMinutes(8));
    assertThat(cloud.launchedTasks()).isEqualTo(1);
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.ACTUATING);

    h.advance(Duration.ofMinutes(4));
    assertThat(cloud.launchedTasks()).isEqualTo(1);
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void driftIsDetectedAndFixed() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());
    cloud.put("web", new FakeModel(3, "1.0"));
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.runUntilIdle();
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);

    cloud.put("web", new FakeModel(1, "1.0"));
    h.advance(Duration.ofMinutes(1).plusSeconds(10));

    ResourceEvent.DeltaDetected drift = h.events("fake:thing:web", ResourceEvent.DeltaDetected.class).get(0);
    assertThat(drift.delta()).containsOnlyKeys("/size");
    h.advance(Duration.ofMinutes(2));
    assertThat(cloud.get("web")).contains(new FakeModel(3, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aHandlerWhoseActuationsAlwaysFailIsStoppedByTheGiveUpPolicyAndShowsUnhappy() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).failTasks(n -> true).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));

    h.advance(Duration.ofHours(6));

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.UNHAPPY);
    assertThat(cloud.launchedTasks()).as("Keel's policy: 3 actions, 30 minutes apart, then stop").isEqualTo(3);
    assertThat(h.events("fake:thing:web", ResourceEvent.TaskFailed.class)).hasSize(3);
    assertThat(h.engine().state("fake:thing:web").gaveUp()).isTrue();
    assertThat(h.events("fake:thing:web", ResourceEvent.ActuationVetoed.class)).last()
        .satisfies(v -> assertThat(v.reason()).contains("no more automatic action until the drift changes"));
  }

  @Test
  void theGiveUpPolicyLetsGoWhenTheDriftChanges() {
    AtomicBoolean failing = new AtomicBoolean(true);
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).failTasks(n -> failing.get()).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.advance(Duration.ofHours(6));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.UNHAPPY);

    failing.set(false);
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 4)));
    h.advance(Duration.ofMinutes(3));

    assertThat(cloud.get("web")).contains(new FakeModel(4, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aHangingCurrentTimesOutWhileNineHundredNinetyNineOthersConvergeOnTime() {
    EngineConfig config = EngineConfig.builder().callTimeout(Duration.ofSeconds(30)).maxConcurrentChecks(100)
        .taskPollInterval(Duration.ofSeconds(10)).build();
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).hangCurrent("stuck"::equals)
        .currentLatency(Duration.ofMillis(20)).build(), config);
    Resource<?>[] things = new Resource<?>[1000];
    things[0] = Configs.thing("stuck", "fnord", 1);
    for (int i = 1; i < things.length; i++) {
      things[i] = Configs.thing("thing-" + i, "fnord", 1);
    }
    h.engine().submit(Configs.single("fnord", "test", things));

    h.advance(Duration.ofMinutes(2));

    assertThat(h.events("fake:thing:stuck", ResourceEvent.CheckTimedOut.class)).singleElement()
        .satisfies(t -> assertThat(t.phase()).isEqualTo("current"));
    assertThat(h.status("fake:thing:stuck")).isEqualTo(ResourceStatus.ERROR);
    for (int i = 1; i < things.length; i++) {
      assertThat(h.status("fake:thing:thing-" + i)).as("thing-%d", i).isEqualTo(ResourceStatus.HAPPY);
    }
  }

  @Test
  void aThrowingHandlerIsReportedAndRetriedWithBackoff() {
    AtomicBoolean broken = new AtomicBoolean(true);
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).throwOnCurrent(n -> broken.get()).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.runUntilIdle();

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.ERROR);
    assertThat(h.events("fake:thing:web", ResourceEvent.CheckError.class)).singleElement().satisfies(e -> {
      assertThat(e.phase()).isEqualTo("current");
      assertThat(e.error()).contains("injected failure reading web");
    });

    broken.set(false);
    h.advance(Duration.ofMinutes(15));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void pausedResourcesAreObservedButNotActedOnUntilResumed() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());
    cloud.put("web", new FakeModel(1, "1.0"));
    h.engine().pauses().pauseApplication("fnord", Actor.of("alice", "incident"));
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));

    h.advance(Duration.ofMinutes(10));

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.PAUSED);
    assertThat(h.events("fake:thing:web", ResourceEvent.DriftWhilePaused.class)).hasSize(1);
    assertThat(cloud.launchedTasks()).isZero();
    assertThat(h.engine().history("fake:thing:web")).anySatisfy(e -> assertThat(e.message()).contains("paused by alice"));

    h.engine().pauses().resumeApplication("fnord", Actor.of("alice"));
    h.advance(Duration.ofMinutes(2));

    assertThat(cloud.get("web")).contains(new FakeModel(3, "1.0"));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aPausedResourceAloneIsHeldWhileOthersConverge() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("a", "fnord", 1), Configs.thing("b", "fnord", 1)));
    h.engine().pauses().pauseResource("fake:thing:a", Actor.of("bob"));

    h.advance(Duration.ofMinutes(3));

    assertThat(h.status("fake:thing:a")).isEqualTo(ResourceStatus.PAUSED);
    assertThat(cloud.get("a")).isEmpty();
    assertThat(h.status("fake:thing:b")).isEqualTo(ResourceStatus.HAPPY);

    h.engine().pauses().resumeResource("fake:thing:a", Actor.of("bob"));
    h.advance(Duration.ofMinutes(2));
    assertThat(h.status("fake:thing:a")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aVetoReportingAMissingDependencyHoldsTheResource() {
    AtomicBoolean dependencyExists = new AtomicBoolean(false);
    Veto securityGroups = new Veto() {
      @Override
      public String name() {
        return "required-security-groups";
      }

      @Override
      public VetoResponse check(Resource<?> resource, ResourceContext context) {
        return dependencyExists.get() ? VetoResponse.allow()
            : VetoResponse.deny("security group fnord is not found in us-west-2", ResourceStatus.MISSING_DEPENDENCY);
      }
    };
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build(),
        EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build(), securityGroups);
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));

    h.advance(Duration.ofMinutes(5));

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.MISSING_DEPENDENCY);
    assertThat(cloud.launchedTasks()).isZero();
    assertThat(h.events("fake:thing:web", ResourceEvent.ActuationVetoed.class)).singleElement()
        .satisfies(v -> assertThat(v.veto()).isEqualTo("required-security-groups"));

    dependencyExists.set(true);
    h.advance(Duration.ofMinutes(3));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);
  }

  @Test
  void aConfigUpdateTriggersAnImmediateRecheck() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build(),
        EngineConfig.builder().checkInterval(Duration.ofHours(1)).taskPollInterval(Duration.ofSeconds(10)).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.advance(Duration.ofMinutes(2));
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.HAPPY);

    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 5)));
    h.runUntilIdle();

    assertThat(h.events("fake:thing:web", ResourceEvent.Updated.class)).singleElement()
        .satisfies(u -> assertThat(u.version()).isEqualTo(2));
    assertThat(h.events("fake:thing:web")).last().isInstanceOf(ResourceEvent.ActuationLaunched.class);
    h.advance(Duration.ofMinutes(2));
    assertThat(cloud.get("web")).contains(new FakeModel(5, "1.0"));
  }

  @Test
  void anUnresolvableResourceIsWaitingAndRecordsNoError() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).unresolvable(n -> true).build());
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.advance(Duration.ofMinutes(5));

    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.WAITING);
    assertThat(h.events("fake:thing:web", ResourceEvent.CheckUnresolvable.class)).hasSize(1);
    assertThat(h.engine().state("fake:thing:web").lastResult()).isEqualTo(CheckResult.UNRESOLVABLE);
  }

  @Test
  void repeatedIdenticalResultsAreRecordedOnce() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());
    cloud.put("web", new FakeModel(3, "1.0"));
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));

    h.advance(Duration.ofHours(1));

    assertThat(h.events("fake:thing:web", ResourceEvent.Valid.class)).hasSize(1);
  }

  @Test
  void aResourceWhoseKindHasNoHandlerIsRejectedAtSubmission() {
    EngineHarness h = harness(FakeHandler.builder(cloud, scheduler).build());
    Resource<?> other = new Resource<>(dev.keel.spi.model.ResourceKind.parse("other/thing@v1"),
        new FakeSpec("x", "fnord", 1, "1"));

    assertThatThrownBy(() -> h.engine().submit(Configs.single("fnord", "test", other)))
        .hasMessageContaining("No handler supports kind other/thing@v1");
    assertThat(h.engine().resources()).isEmpty();
  }
}
