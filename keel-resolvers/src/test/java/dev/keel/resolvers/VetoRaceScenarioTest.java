package dev.keel.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A version vetoed while a check that resolved it is inside {@code current()} is not deployed by that
 * check: the version's promotion state is read again at the moment of actuation.
 */
class VetoRaceScenarioTest {

  private static final int TRIALS = 1_000;
  private static final String VETOED = "fnord-1.1.0";

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final AtomicReference<VirtualScheduler.Hold> hold = new AtomicReference<>();
  private final AtomicInteger held = new AtomicInteger();
  private final FakeHandler handler = FakeHandler.builder(cloud, scheduler).beforeCurrent(name -> {
    VirtualScheduler.Hold latch = hold.get();
    if (latch != null) {
      held.incrementAndGet();
      latch.await();
    }
  }).build();
  private EngineHarness h;

  @AfterEach
  void close() {
    VirtualScheduler.Hold latch = hold.getAndSet(null);
    if (latch != null) {
      latch.release();
    }
    if (h != null) {
      h.close();
    }
  }

  private long deploymentsOf(String version) {
    return handler.executed().stream().flatMap(a -> a.operations().stream())
        .filter(op -> ((FakeHandler.FakeOperation) op).target().version().equals(version)).count();
  }

  @Test
  void aVersionVetoedWhileACheckIsInsideCurrentIsNotDeployedInAThousandTrials() {
    DeliveryConfig config = new DeliveryConfig("fnord", null, null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(new Environment("test", List.of(Configs.deploying("fnord-test", "fnord", "fnord")), List.of(), List.of(),
            List.of(), null)));
    h = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build())
        .engine(b -> b.handler(handler).taskMonitor(cloud).resolver(new ArtifactVersionResolver()))
        .build();
    h.engine().submit(config);
    h.engine().promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-1.0.0", scheduler.now(), "main",
        Map.of()));
    assertThat(h.advanceUntil(() -> "fnord-1.0.0".equals(current()), Duration.ofSeconds(10), Duration.ofMinutes(10)))
        .isTrue();

    int deployedAfterVeto = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      VirtualScheduler.Hold latch = scheduler.hold();
      hold.set(latch);
      if (trial == 0) {
        h.engine().promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-1.1.0", scheduler.now(), "main",
            Map.of()));
      } else {
        assertThat(h.engine().promotions().unveto(h.engine().promotions().where("fnord", "test", "fnord"),
            VETOED)).isTrue();
      }
      h.runUntilIdle(); // the check that resolved 1.1.0 is now parked inside current()
      long before = deploymentsOf(VETOED);

      h.engine().promotions().veto(h.engine().promotions().where("fnord", "test", "fnord"), VETOED, Actor.of("alice",
          "bad build"));
      hold.set(null);
      latch.release();
      h.runUntilIdle();

      if (deploymentsOf(VETOED) > before) {
        deployedAfterVeto++;
      }
    }

    assertThat(deployedAfterVeto).as("trials in which the vetoed version was deployed").isZero();
    assertThat(held.get()).as("checks held inside current() while the version was vetoed").isEqualTo(TRIALS);
    assertThat(current()).isEqualTo("fnord-1.0.0");
    assertThat(h.engine().promotions().status("fnord").get(0).statusOf(VETOED)).isEqualTo(PromotionStatus.VETOED);
  }

  private String current() {
    return h.engine().promotions().status("fnord").get(0).current().orElse(null);
  }
}
