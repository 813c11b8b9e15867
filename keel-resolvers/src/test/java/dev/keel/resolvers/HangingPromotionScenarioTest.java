package dev.keel.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.ConstraintEvaluator;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.VerificationContext;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.Verification;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Constraint and verification evaluators that hang or throw: every call runs under the engine's deadline
 * with no lock held, so a stuck promotion of one config delays no other config and no resource check, and
 * each failure is recorded as an event and shown in the constraint's or verification's state.
 */
// Before the fix a hang held a lock that checks wait on outside the virtual scheduler's sight, which
// deadlocks the scheduler; the timeout turns that into a failure.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HangingPromotionScenarioTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final CountDownLatch never = new CountDownLatch(1);
  private final Map<String, AtomicInteger> checks = new ConcurrentHashMap<>();
  private EngineHarness h;

  record Hang() implements Constraint {
    @Override
    public String type() {
      return "hang";
    }
  }

  record Throwing() implements Constraint {
    @Override
    public String type() {
      return "throwing";
    }
  }

  record HangingStart(String id) implements Verification {
    @Override
    public String type() {
      return "hanging-start";
    }
  }

  /** A stateless constraint whose evaluation blocks until interrupted. */
  private final ConstraintEvaluator<Hang> hang = new ConstraintEvaluator<>() {
    @Override
    public String type() {
      return "hang";
    }

    @Override
    public Class<Hang> constraintClass() {
      return Hang.class;
    }

    @Override
    public ConstraintOutcome evaluate(Hang constraint, PromotionContext context) {
      block();
      return ConstraintOutcome.pass();
    }
  };

  /** A stateful constraint whose evaluation always throws. */
  private final ConstraintEvaluator<Throwing> throwing = new ConstraintEvaluator<>() {
    @Override
    public String type() {
      return "throwing";
    }

    @Override
    public Class<Throwing> constraintClass() {
      return Throwing.class;
    }

    @Override
    public boolean stateful() {
      return true;
    }

    @Override
    public ConstraintOutcome evaluate(Throwing constraint, PromotionContext context) {
      throw new IllegalStateException("the approval service said no such version");
    }
  };

  /** A verification whose start blocks until interrupted. */
  private final VerificationEvaluator<HangingStart> hangingStart = new VerificationEvaluator<>() {
    @Override
    public String type() {
      return "hanging-start";
    }

    @Override
    public Class<HangingStart> verificationClass() {
      return HangingStart.class;
    }

    @Override
    public Map<String, String> start(HangingStart verification, VerificationContext context) {
      block();
      return Map.of();
    }

    @Override
    public ConstraintOutcome evaluate(HangingStart verification, VerificationContext context) {
      return ConstraintOutcome.pass();
    }
  };

  private void block() {
    try {
      scheduler.parked(never::await);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @AfterEach
  void close() {
    never.countDown();
    if (h != null) {
      h.close();
    }
  }

  private void start(EngineConfig config, Consumer<dev.keel.engine.KeelEngineBuilder> extensions,
      List<DeliveryConfig> configs) {
    FakeHandler handler = FakeHandler.builder(cloud, scheduler)
        .beforeCurrent(name -> checks.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet()).build();
    h = EngineHarness.builder().scheduler(scheduler).config(config)
        .engine(b -> extensions.accept(b.handler(handler).taskMonitor(cloud).resolver(new ArtifactVersionResolver())))
        .build();
    configs.forEach(h.engine()::submit);
    h.runUntilIdle();
  }

  /** A config of one environment deploying its own artifact, named after the application. */
  private static DeliveryConfig deploying(String app, int resources, List<Constraint> constraints,
      List<Verification> verifications) {
    List<Resource<?>> things = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      things.add(Configs.deploying(app + "-" + i, app, app));
    }
    return new DeliveryConfig(app, null, null, List.of(new DebianArtifact(app, app, null, Set.of(), null)),
        List.of(new Environment("test", things, constraints, verifications, List.of(), null)));
  }

  private void publish(String app, String version) {
    h.engine().promotions().publish(new ArtifactVersion("deb", app, app + "-" + version, scheduler.now(), "main",
        Map.of()));
  }

  private EnvironmentPromotion test(String app) {
    return h.engine().promotions().status(app).get(0);
  }

  @Test
  void aHangingVerificationStartHoldsUpNeitherTheChecksOfItsEnvironmentNorThoseOfAnotherApplication() {
    Resource<?>[] others = new Resource<?>[200];
    for (int i = 0; i < others.length; i++) {
      others[i] = Configs.thing("other-" + i, "other", 1);
    }
    start(EngineConfig.builder().maxConcurrentChecks(10).taskPollInterval(Duration.ofSeconds(10)).build(),
        b -> b.verificationEvaluator(hangingStart),
        List.of(deploying("verified", 12, List.of(), List.of(new HangingStart("smoke"))),
            Configs.single("other", "test", others)));
    publish("verified", "1.0.0");
    assertThat(h.advanceUntil(() -> test("verified").current().isPresent(), Duration.ofSeconds(10), Duration.ofMinutes(10)))
        .as("1.0.0 became current, so its verification starts and hangs").isTrue();
    publish("verified", "1.1.0"); // its twelve resources now want to actuate while the start hangs
    checks.clear();

    h.advance(Duration.ofHours(1));

    for (int i = 0; i < others.length; i++) {
      // Checked every minute, ±10%: at least 54 times in an hour.
      assertThat(checks.getOrDefault("other-" + i, new AtomicInteger()).get()).as("checks of other-%d", i)
          .isGreaterThanOrEqualTo(54);
    }
    VersionPromotion first = test("verified").versions().stream().filter(v -> v.version().equals("verified-1.0.0"))
        .findFirst().orElseThrow();
    assertThat(first.verifications()).singleElement().satisfies(v -> {
      assertThat(v.status()).isEqualTo(ConstraintStatus.FAIL);
      assertThat(v.metadata().get("error")).contains("did not return within");
    });
    // Once the start of 1.0.0's verification timed out, 1.1.0 was deployed, and its own start hung in turn.
    assertThat(test("verified").current()).contains("verified-1.1.0");
    assertThat(h.events(ApplicationEvent.PromotionCallFailed.class)).extracting(e -> e.version() + " " + e.extension())
        .containsExactly("verified-1.0.0 verification smoke start", "verified-1.1.0 verification smoke start");
  }

  @Test
  void fourConfigsWithHangingConstraintsDelayNoOtherConfigsPromotion() {
    List<DeliveryConfig> configs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      configs.add(deploying("hang" + i, 1, List.of(new Hang()), List.of()));
    }
    for (int i = 0; i < 3; i++) {
      configs.add(deploying("fine" + i, 1, List.of(), List.of()));
    }
    start(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build(), b -> b.constraintEvaluator(hang),
        configs);
    for (int i = 0; i < 4; i++) {
      publish("hang" + i, "1.0.0");
    }
    h.runUntilIdle();

    List<String> late = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      String version = "1." + round + ".0";
      for (int i = 0; i < 3; i++) {
        publish("fine" + i, version);
      }
      h.runUntilIdle(); // no virtual time passes: approval must not wait for anything
      for (int i = 0; i < 3; i++) {
        if (test("fine" + i).statusOf("fine" + i + "-" + version) == PromotionStatus.PENDING) {
          late.add("fine" + i + "-" + version);
        }
      }
      h.advance(Duration.ofMinutes(5));
    }

    assertThat(late).as("versions of other configs not approved at once").isEmpty();
    for (int i = 0; i < 4; i++) {
      String app = "hang" + i;
      assertThat(test(app).statusOf(app + "-1.0.0")).isEqualTo(PromotionStatus.PENDING);
      assertThat(h.events(ApplicationEvent.PromotionCallFailed.class).stream().filter(e -> e.application().equals(app)))
          .as("failures recorded for %s", app).singleElement()
          .satisfies(e -> assertThat(e.reason()).contains("did not return within"));
    }
  }

  @Test
  void aThrowingEvaluatorLeavesTheVersionPendingWithItsReasonInTheConstraintsStateAndOneEvent() {
    start(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build(), b -> b.constraintEvaluator(throwing),
        List.of(deploying("judged", 1, List.of(new Throwing()), List.of())));
    publish("judged", "1.0.0");

    h.advance(Duration.ofMinutes(30));

    VersionPromotion v = test("judged").versions().get(0);
    assertThat(v.status()).isEqualTo(PromotionStatus.PENDING);
    assertThat(v.constraints()).singleElement().satisfies((ConstraintState c) -> {
      assertThat(c.status()).isEqualTo(ConstraintStatus.PENDING);
      assertThat(c.comment()).contains("IllegalStateException").contains("no such version");
    });
    assertThat(h.events(ApplicationEvent.PromotionCallFailed.class)).singleElement().satisfies(e -> {
      assertThat(e.extension()).isEqualTo("constraint throwing");
      assertThat(e.version()).isEqualTo("judged-1.0.0");
      assertThat(e.reason()).contains("no such version");
    });
  }
}
