package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A resource fought over by another controller: its drift is new every time, so only the action budget stops it. */
class ActionBudgetScenarioTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final AtomicInteger otherControllerWrites = new AtomicInteger();
  private EngineHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
  }

  /** Every two minutes another controller sets the size to a value it never used before. */
  private void fightEveryTwoMinutes(Instant at) {
    scheduler.schedule(at, () -> {
      cloud.put("web", new FakeModel(100 + otherControllerWrites.incrementAndGet(), "1.0"));
      fightEveryTwoMinutes(at.plus(Duration.ofMinutes(2)));
    });
  }

  private EngineHarness start(EngineConfig config) {
    harness = EngineHarness.builder().scheduler(scheduler).config(config)
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).build()).taskMonitor(cloud)).build();
    cloud.put("web", new FakeModel(100, "1.0"));
    fightEveryTwoMinutes(scheduler.now().plus(Duration.ofMinutes(2)));
    harness.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    return harness;
  }

  @Test
  void flappingDriftIsActedOnNoMoreThanTheActionBudgetIn24Hours() {
    EngineHarness h = start(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build());
    int budget = GiveUpPolicy.keelDefaults().maxActionsPerWindow();

    h.advance(Duration.ofHours(24));

    int actions = h.events("fake:thing:web", ResourceEvent.ActuationLaunched.class).size();
    System.out.printf("flapping drift: %d actions in 24 virtual hours (budget %d per %s), %d writes by the other"
        + " controller%n", actions, budget, GiveUpPolicy.DEFAULT_ACTION_WINDOW, otherControllerWrites.get());
    assertThat(actions).isEqualTo(budget);
    assertThat(cloud.launchedTasks()).isEqualTo(budget);
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.UNHAPPY);
    assertThat(h.events("fake:thing:web", ResourceEvent.ActuationVetoed.class)).last()
        .satisfies(v -> assertThat(v.reason()).contains(budget + " actions in the last PT24H")
            .contains("is something else changing it?"));
    assertThat(h.engine().state("fake:thing:web").gaveUp())
        .as("the budget is not the per-drift give-up, which would also mark a deploying version bad").isFalse();
  }

  @Test
  void aSpentBudgetComesBackAsItsOldestActionsLeaveTheWindow() {
    GiveUpPolicy policy = GiveUpPolicy.keelDefaults().withActionBudget(4, Duration.ofHours(1));
    EngineHarness h = start(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).giveUpPolicy(policy).build());

    h.advance(Duration.ofMinutes(50));
    assertThat(cloud.launchedTasks()).isEqualTo(4);
    assertThat(h.status("fake:thing:web")).isEqualTo(ResourceStatus.UNHAPPY);

    h.advance(Duration.ofHours(3).plusMinutes(10));
    assertThat(cloud.launchedTasks()).as("4 per hour over 4 hours").isEqualTo(16);
  }
}
