package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A pause that returns while a check is inside {@code current()} stops that check from actuating: the
 * pause is read again at the moment of actuation. Each trial holds one resource's check on a latch inside
 * {@code current()}, pauses, then lets it go.
 */
class PauseRaceScenarioTest {

  private static final int TRIALS = 1_000;

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final Map<String, VirtualScheduler.Hold> holds = new ConcurrentHashMap<>();
  private final AtomicInteger held = new AtomicInteger();
  private final FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
    VirtualScheduler.Hold hold = holds.get(name);
    if (hold != null) {
      held.incrementAndGet();
      hold.await();
    }
  }).build();
  private EngineHarness harness;

  @AfterEach
  void close() {
    holds.values().forEach(VirtualScheduler.Hold::release);
    if (harness != null) {
      harness.close();
    }
  }

  private static String name(int i) {
    return String.format("thing-%04d", i);
  }

  private static String app(int i) {
    return String.format("app-%04d", i);
  }

  /** One application of one resource per trial, all in sync to begin with. */
  private EngineHarness inSyncThings() {
    harness = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build())
        .engine(b -> b.handler(handler).taskMonitor(cloud)).build();
    for (int i = 0; i < TRIALS; i++) {
      cloud.put(name(i), new FakeModel(1, "1.0"));
      DeliveryConfig config = Configs.single(app(i), "test", Configs.thing(name(i), app(i), 1));
      harness.engine().submit(config);
    }
    harness.runUntilIdle();
    return harness;
  }

  /** Runs the trials: drift, a check held inside current(), the pause, the check let go; returns the actuated. */
  private List<String> trials(EngineHarness h, BiConsumer<Integer, String> pause) {
    List<String> actuatedAfterPause = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      String name = name(i);
      String id = "fake:thing:" + name;
      VirtualScheduler.Hold hold = scheduler.hold();
      holds.put(name, hold);
      cloud.put(name, new FakeModel(2, "1.0"));
      int before = executedFor(name);
      h.engine().checkNow(id);
      h.runUntilIdle(); // the check is now parked inside current()

      pause.accept(i, id);
      holds.remove(name);
      hold.release();
      h.runUntilIdle();

      if (executedFor(name) > before) {
        actuatedAfterPause.add(name);
      }
    }
    return actuatedAfterPause;
  }

  private int executedFor(String name) {
    return (int) handler.executed().stream()
        .flatMap(a -> a.operations().stream())
        .filter(op -> op.description().contains(" " + name + " "))
        .count();
  }

  @Test
  void aResourcePausedWhileItsCheckIsInsideCurrentIsNotActuatedInAThousandTrials() {
    EngineHarness h = inSyncThings();

    List<String> actuated = trials(h, (i, id) -> h.engine().pauses().pauseResource(id, Actor.of("alice", "incident")));

    assertThat(held.get()).as("checks held inside current() while pausing").isEqualTo(TRIALS);
    assertThat(actuated).as("resources actuated after their pause returned").isEmpty();
    assertThat(h.engine().state("fake:thing:" + name(0)).message()).contains("paused");
  }

  @Test
  void anApplicationPausedWhileACheckIsInsideCurrentIsNotActuatedInAThousandTrials() {
    EngineHarness h = inSyncThings();

    List<String> actuated = trials(h, (i, id) -> h.engine().pauses().pauseApplication(app(i), Actor.of("alice",
        "incident")));

    assertThat(held.get()).as("checks held inside current() while pausing").isEqualTo(TRIALS);
    assertThat(actuated).as("resources actuated after their application's pause returned").isEmpty();
  }
}
