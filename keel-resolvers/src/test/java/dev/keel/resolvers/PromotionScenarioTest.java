package dev.keel.resolvers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.Judgement;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.InvalidVetoException;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.VerificationContext;
import dev.keel.spi.VerificationEvaluator;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spi.model.TimeWindow;
import dev.keel.spi.model.Verification;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Versions flowing through test, staging and production on virtual time. */
class PromotionScenarioTest {

  private static final Instant MONDAY_9AM = Instant.parse("2026-01-05T09:00:00Z");

  private final VirtualScheduler scheduler = new VirtualScheduler(MONDAY_9AM);
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final AtomicBoolean smokeTestPasses = new AtomicBoolean(true);
  private final AtomicBoolean deploysFail = new AtomicBoolean(false);
  private EngineHarness h;

  /** A smoke test that takes five minutes and passes or fails as the test says. */
  record Smoke(String id) implements Verification {
    @Override
    public String type() {
      return "smoke";
    }
  }

  private final VerificationEvaluator<Smoke> smoke = new VerificationEvaluator<>() {
    @Override
    public String type() {
      return "smoke";
    }

    @Override
    public Class<Smoke> verificationClass() {
      return Smoke.class;
    }

    @Override
    public Map<String, String> start(Smoke verification, VerificationContext context) {
      return Map.of("job", "smoke-" + context.version());
    }

    @Override
    public ConstraintOutcome evaluate(Smoke verification, VerificationContext context) {
      if (context.clock().instant().isBefore(context.startedAt().plus(Duration.ofMinutes(5)))) {
        return ConstraintOutcome.pending("running");
      }
      return smokeTestPasses.get() ? ConstraintOutcome.pass() : ConstraintOutcome.fail("smoke test failed");
    }
  };

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private static Environment env(String name, List<Constraint> constraints, List<Verification> verifications) {
    return new Environment(name, List.of(Configs.deploying("fnord-" + name, "fnord", "fnord")), constraints,
        verifications, List.of(), null);
  }

  private static DeliveryConfig threeEnvironments(List<Verification> stagingVerifications) {
    return new DeliveryConfig("fnord", null, null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(env("test", List.of(), List.of()),
            env("staging", List.of(new DependsOnConstraint("test")), stagingVerifications),
            env("production", List.of(new DependsOnConstraint("staging"), new ManualJudgementConstraint(Duration.ofHours(4)),
                new AllowedTimesConstraint(List.of(new TimeWindow("weekdays", "9-17")), "UTC", null)), List.of())));
  }

  private void start(DeliveryConfig config) {
    h = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(10)).build())
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).failTasks(n -> deploysFail.get()).build())
            .taskMonitor(cloud)
            .resolver(new ArtifactVersionResolver()).verificationEvaluator(smoke))
        .build();
    h.engine().submit(config);
    h.runUntilIdle();
  }

  private void publish(String version) {
    h.engine().promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-" + version, scheduler.now(), "main",
        Map.of()));
  }

  private EnvironmentPromotion promotion(String environment) {
    return h.engine().promotions().status("fnord").stream().filter(p -> p.environment().equals(environment))
        .findFirst().orElseThrow();
  }

  private void approveProduction(String version) {
    h.engine().promotions().judge(h.engine().promotions().where("fnord", "production", "fnord"), version,
        "manual-judgement", Judgement.PASS, Actor.of("alice", "looks good"));
  }

  @Test
  void aVersionBecomesCurrentInEachEnvironmentInOrder() {
    start(threeEnvironments(List.of()));
    assertThat(h.status("fake:thing:fnord-test")).isEqualTo(ResourceStatus.WAITING);

    publish("1.0.0");
    h.advance(Duration.ofMinutes(3));
    assertThat(promotion("test").current()).contains("fnord-1.0.0");
    assertThat(promotion("production").statusOf("fnord-1.0.0")).isEqualTo(PromotionStatus.PENDING);

    h.advance(Duration.ofMinutes(10));
    assertThat(promotion("staging").current()).contains("fnord-1.0.0");
    assertThat(promotion("production").version("fnord-1.0.0").orElseThrow().constraints())
        .anySatisfy(c -> {
          assertThat(c.type()).isEqualTo("manual-judgement");
          assertThat(c.status()).isEqualTo(ConstraintStatus.PENDING);
        });
    assertThat(cloud.get("fnord-production")).isEmpty();

    approveProduction("fnord-1.0.0");
    h.advance(Duration.ofMinutes(5));

    assertThat(promotion("production").current()).contains("fnord-1.0.0");
    assertThat(cloud.get("fnord-production")).contains(new FakeModel(1, "fnord-1.0.0"));
    assertThat(h.status("fake:thing:fnord-production")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(promotion("production").version("fnord-1.0.0").orElseThrow().constraints())
        .anySatisfy(c -> assertThat(c.judgedBy()).isEqualTo("alice"));
  }

  @Test
  void aVersionOvertakenBeforeItBecameCurrentIsSkipped() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(10));

    publish("1.1.0");
    h.advance(Duration.ofSeconds(30));
    publish("1.2.0");
    h.advance(Duration.ofMinutes(10));

    assertThat(promotion("test").current()).contains("fnord-1.2.0");
    assertThat(promotion("test").statusOf("fnord-1.1.0")).isEqualTo(PromotionStatus.SKIPPED);
    assertThat(promotion("test").statusOf("fnord-1.0.0")).isEqualTo(PromotionStatus.PREVIOUS);
    EnvironmentPromotion test = promotion("test");
    assertThat(test.versions().stream().filter(v -> v.status() == PromotionStatus.CURRENT)).hasSize(1);
  }

  @Test
  void aRejectedJudgementKeepsProductionOnTheOldVersion() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(10));
    approveProduction("fnord-1.0.0");
    h.advance(Duration.ofMinutes(5));

    publish("2.0.0");
    h.advance(Duration.ofMinutes(15));
    h.engine().promotions().judge(h.engine().promotions().where("fnord", "production", "fnord"), "fnord-2.0.0",
        "manual-judgement", Judgement.FAIL, Actor.of("bob", "not today"));
    h.advance(Duration.ofMinutes(15));

    assertThat(promotion("staging").current()).contains("fnord-2.0.0");
    assertThat(promotion("production").current()).contains("fnord-1.0.0");
    assertThat(promotion("production").statusOf("fnord-2.0.0")).isEqualTo(PromotionStatus.PENDING);
    assertThat(cloud.get("fnord-production")).contains(new FakeModel(1, "fnord-1.0.0"));
  }

  @Test
  void aJudgementNobodyMakesTimesOutAndFails() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(10));

    h.advance(Duration.ofHours(5));

    assertThat(promotion("production").version("fnord-1.0.0").orElseThrow().constraints())
        .anySatisfy(c -> {
          assertThat(c.type()).isEqualTo("manual-judgement");
          assertThat(c.status()).isEqualTo(ConstraintStatus.FAIL);
          assertThat(c.comment()).contains("Timed out after PT4H");
        });
    assertThat(promotion("production").current()).isEmpty();
  }

  @Test
  void aPinHoldsStagingWhileTestMovesOn() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(10));
    h.engine().promotions().pin(h.engine().promotions().where("fnord", "staging", "fnord"), "fnord-1.0.0",
        Actor.of("carol", "release freeze"));

    publish("1.1.0");
    h.advance(Duration.ofMinutes(15));

    assertThat(promotion("test").current()).contains("fnord-1.1.0");
    assertThat(promotion("staging").current()).contains("fnord-1.0.0");
    assertThat(promotion("staging").desiredVersion()).isEqualTo("fnord-1.0.0");
    assertThatThrownBy(() -> h.engine().promotions().veto(h.engine().promotions().where("fnord", "staging", "fnord"),
        "fnord-1.0.0", Actor.of("dave")))
        .isInstanceOf(InvalidVetoException.class).hasMessageContaining("pinned");

    h.engine().promotions().unpin(h.engine().promotions().where("fnord", "staging", "fnord"));
    h.advance(Duration.ofMinutes(10));
    assertThat(promotion("staging").current()).contains("fnord-1.1.0");
  }

  @Test
  void vetoingTheCurrentVersionRollsBackWithoutCascading() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(10));
    publish("1.1.0");
    h.advance(Duration.ofMinutes(5));
    assertThat(promotion("test").current()).contains("fnord-1.1.0");

    h.engine().promotions().veto(h.engine().promotions().where("fnord", "test", "fnord"), "fnord-1.1.0",
        Actor.of("erin", "broke logins"));
    h.advance(Duration.ofMinutes(5));

    assertThat(promotion("test").current()).contains("fnord-1.0.0");
    assertThat(promotion("test").statusOf("fnord-1.1.0")).isEqualTo(PromotionStatus.VETOED);
    assertThat(cloud.get("fnord-test")).contains(new FakeModel(1, "fnord-1.0.0"));
    assertThatThrownBy(() -> h.engine().promotions().veto(h.engine().promotions().where("fnord", "test", "fnord"),
        "fnord-1.0.0", Actor.of("erin")))
        .isInstanceOf(InvalidVetoException.class).hasMessageContaining("fell back to");

    h.engine().promotions().unveto(h.engine().promotions().where("fnord", "test", "fnord"), "fnord-1.1.0");
    h.advance(Duration.ofMinutes(5));
    assertThat(promotion("test").current()).contains("fnord-1.1.0");
  }

  @Test
  void anAllowedTimesWindowThatClosesStopsPromotionUntilItReopens() {
    DeliveryConfig config = new DeliveryConfig("fnord", null, null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(env("production", List.of(new AllowedTimesConstraint(List.of(new TimeWindow("weekdays", "9-17")), "UTC",
            null)), List.of())));
    start(config);
    scheduler.advanceTo(Instant.parse("2026-01-05T17:30:00Z"));

    publish("1.0.0");
    h.advance(Duration.ofHours(15)); // Tuesday 08:30

    assertThat(promotion("production").current()).isEmpty();
    assertThat(cloud.get("fnord-production")).isEmpty();

    h.advance(Duration.ofHours(1)); // Tuesday 09:30
    assertThat(promotion("production").current()).contains("fnord-1.0.0");
  }

  @Test
  void aFailingVerificationInStagingKeepsTheVersionOutOfProductionUntilARetryPasses() {
    start(threeEnvironments(List.of(new Smoke("smoke"))));
    smokeTestPasses.set(false);
    publish("1.0.0");
    h.advance(Duration.ofMinutes(20));

    assertThat(promotion("staging").current()).contains("fnord-1.0.0");
    assertThat(promotion("staging").version("fnord-1.0.0").orElseThrow().verifications()).singleElement()
        .satisfies(v -> assertThat(v.status()).isEqualTo(ConstraintStatus.FAIL));
    assertThat(promotion("production").version("fnord-1.0.0").orElseThrow().constraints())
        .noneSatisfy(c -> assertThat(c.type()).isEqualTo("manual-judgement"));

    smokeTestPasses.set(true);
    assertThat(h.engine().promotions().retryVerification(h.engine().promotions().where("fnord", "staging", "fnord"),
        "fnord-1.0.0", "smoke", Actor.of("frank"))).isTrue();
    h.advance(Duration.ofMinutes(10));
    approveProduction("fnord-1.0.0");
    h.advance(Duration.ofMinutes(5));

    assertThat(promotion("staging").version("fnord-1.0.0").orElseThrow().verifications()).singleElement()
        .satisfies(v -> assertThat(v.status()).isEqualTo(ConstraintStatus.PASS));
    assertThat(promotion("production").current()).contains("fnord-1.0.0");
  }

  @Test
  void aVersionWhoseDeploymentsKeepFailingIsVetoedAutomaticallyAndTheEnvironmentStaysOnItsVersion() {
    start(threeEnvironments(List.of()));
    publish("1.0.0");
    h.advance(Duration.ofMinutes(5));
    assertThat(promotion("test").current()).contains("fnord-1.0.0");

    deploysFail.set(true);
    publish("1.1.0");
    h.advance(Duration.ofHours(3));

    assertThat(promotion("test").statusOf("fnord-1.1.0")).isEqualTo(PromotionStatus.VETOED);
    assertThat(promotion("test").version("fnord-1.1.0").orElseThrow().vetoedBy()).isEqualTo("keel");
    assertThat(promotion("test").current()).contains("fnord-1.0.0");
    assertThat(promotion("test").statusOf("fnord-1.0.0")).isEqualTo(PromotionStatus.CURRENT);
    assertThat(h.status("fake:thing:fnord-test")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(cloud.get("fnord-test")).contains(new FakeModel(1, "fnord-1.0.0"));
  }
}
