package dev.keel.examples.embedding;

import static dev.keel.examples.embedding.EmbeddingExample.APPLICATION;
import static dev.keel.examples.embedding.EmbeddingExample.ARTIFACT;
import static dev.keel.examples.embedding.EmbeddingExample.TEST_SITE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.Actor;
import dev.keel.engine.Judgement;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.freeze.FreezeStatus;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a host does with a running engine, on the example's engine and virtual time: veto, pin, pause and freeze;
 * and what the example's security-scan constraint keeps out.
 * Each test is the code docs/embedding.md shows, with the outcome it promises.
 */
class OperatingTheEngineTest {

  private static final String TEST_HOST = "test.fnord.example.com";

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final SiteHost host = new SiteHost(scheduler.clock(), EmbeddingExample.PUBLISH_TIME);
  private final List<KeelEvent> events = new CopyOnWriteArrayList<>();
  private KeelEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    scheduler.close();
  }

  private void start(String yaml) {
    engine = EmbeddingExample.buildEngine(scheduler, host);
    engine.events().subscribe(events::add);
    engine.submit(yaml, "fnord-site.yml");
    engine.start();
    scheduler.runUntilIdle();
  }

  private boolean advanceUntil(BooleanSupplier condition) {
    return EmbeddingExampleTest.virtualTime(scheduler).await(condition, Duration.ofHours(1));
  }

  private void publish(String version) {
    publish(version, "passed");
  }

  private void publish(String version, String securityScan) {
    engine.promotions().publish(new ArtifactVersion("npm", ARTIFACT, version, scheduler.now(), "main",
        Map.of("securityScan", securityScan)));
  }

  private EnvironmentPromotion environment(String name) {
    return engine.promotions().status(APPLICATION).stream().filter(p -> p.environment().equals(name)).findFirst()
        .orElseThrow();
  }

  private EnvironmentPromotion test() {
    return environment("test");
  }

  private boolean testServes(String version) {
    return test().current().filter(version::equals).isPresent()
        && host.site(TEST_HOST).map(s -> s.bundle().equals(version)).orElse(false);
  }

  @Test
  void aVetoedVersionIsRolledBackToThePreviousOne() {
    start(EmbeddingExample.deliveryConfigYaml());
    publish("1.0.0");
    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();
    publish("1.1.0");
    assertThat(advanceUntil(() -> testServes("1.1.0"))).isTrue();

    engine.promotions().veto(engine.promotions().where(APPLICATION, "test", ARTIFACT), "1.1.0", Actor.of("carol",
        "broke logins"));

    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();
    assertThat(test().statusOf("1.1.0")).isEqualTo(PromotionStatus.VETOED);
    assertThat(test().version("1.1.0").orElseThrow().vetoedBy()).isEqualTo("carol");
  }

  @Test
  void aVersionWhoseSecurityScanFailedNeverReachesProductionEvenWhenApproved() {
    start(EmbeddingExample.deliveryConfigYaml());
    publish("1.0.0", "failed: CVE-2026-0001");
    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();

    engine.promotions().judge(engine.promotions().where(APPLICATION, "production", ARTIFACT), "1.0.0",
        "manual-judgement", Judgement.PASS, Actor.of("alice"));
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(environment("production").current()).isEmpty();
    assertThat(host.site("www.fnord.example.com")).isEmpty();

    publish("1.0.1", "passed");
    assertThat(advanceUntil(() -> testServes("1.0.1"))).isTrue();
    engine.promotions().judge(engine.promotions().where(APPLICATION, "production", ARTIFACT), "1.0.1",
        "manual-judgement", Judgement.PASS, Actor.of("alice"));

    assertThat(advanceUntil(() -> environment("production").current().filter("1.0.1"::equals).isPresent())).isTrue();
    assertThat(environment("production").statusOf("1.0.0")).isEqualTo(PromotionStatus.SKIPPED); // never deployed there
  }

  @Test
  void aPinnedEnvironmentStaysOnItsVersionUntilUnpinned() {
    start(EmbeddingExample.deliveryConfigYaml());
    publish("1.0.0");
    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();

    engine.promotions().pin(engine.promotions().where(APPLICATION, "test", ARTIFACT), "1.0.0", Actor.of("bob",
        "release freeze"));
    publish("1.1.0");
    scheduler.advance(Duration.ofMinutes(30));

    assertThat(host.site(TEST_HOST).orElseThrow().bundle()).isEqualTo("1.0.0");
    assertThat(test().version("1.0.0").orElseThrow().pinned()).isTrue();

    assertThat(engine.promotions().unpin(engine.promotions().where(APPLICATION, "test", ARTIFACT))).isTrue();
    assertThat(advanceUntil(() -> testServes("1.1.0"))).isTrue();
  }

  @Test
  void aPausedApplicationReportsDriftButIsLeftAloneUntilResumed() {
    start(EmbeddingExample.deliveryConfigYaml());
    publish("1.0.0");
    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();

    engine.pauses().pauseApplication(APPLICATION, Actor.of("dave", "investigating an incident"));
    host.changeByHand(TEST_HOST, new SiteState("1.0.0", 5));
    scheduler.advance(Duration.ofMinutes(5));

    assertThat(engine.status(TEST_SITE)).isEqualTo(ResourceStatus.PAUSED);
    assertThat(events).anyMatch(e -> e instanceof ResourceEvent.DriftWhilePaused d && d.resourceId().equals(TEST_SITE));
    assertThat(host.site(TEST_HOST).orElseThrow().cacheTtlSeconds()).isEqualTo(5);

    engine.pauses().resumeApplication(APPLICATION, Actor.of("dave"));

    assertThat(advanceUntil(() -> host.site(TEST_HOST).orElseThrow().cacheTtlSeconds() == 60)).isTrue();
    // The application's history: the config as submitted (by the engine's system actor: start() names nobody), then
    // dave's pause and resume.
    assertThat(events).filteredOn(ApplicationEvent.class::isInstance).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("ConfigSubmitted", "Paused", "Resumed");
    assertThat(events).filteredOn(ApplicationEvent.Paused.class::isInstance)
        .extracting(e -> ((ApplicationEvent.Paused) e).by()).containsExactly("dave");
  }

  @Test
  void aFrozenEnvironmentWaitsForTheFreezeToEndOrAnOverride() {
    // A release freeze on the test environment for the whole first day of virtual time.
    start(EmbeddingExample.deliveryConfigYaml().replace("- name: test\n", """
        - name: test
          freezes:
          - {reason: release freeze, from: "2026-01-05T00:00", until: "2026-01-06T00:00", tz: UTC}
        """));
    publish("1.0.0");
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(engine.status(TEST_SITE)).isEqualTo(ResourceStatus.FROZEN);
    assertThat(host.site(TEST_HOST)).isEmpty();
    List<FreezeStatus> freezes = engine.freezes().status(APPLICATION);
    assertThat(freezes).singleElement().satisfies(f -> {
      assertThat(f.active()).isTrue();
      assertThat(f.endsAt()).isEqualTo(Instant.parse("2026-01-06T00:00:00Z"));
      assertThat(f.resources()).containsExactly(TEST_SITE);
    });

    engine.freezes().overrideEnvironment(APPLICATION, "test", Actor.of("erin", "the launch cannot wait"));

    assertThat(advanceUntil(() -> testServes("1.0.0"))).isTrue();
    assertThat(engine.history(TEST_SITE)).anyMatch(e -> e instanceof ResourceEvent.FreezeOverridden o
        && o.by().equals("erin"));
  }
}
