package dev.keel.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.VirtualScheduler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedding example, run on keel-testkit's virtual time: the same code as its main, in milliseconds. */
class EmbeddingExampleTest {

  private VirtualScheduler scheduler;
  private SiteHost host;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private EmbeddingExample.Outcome outcome;

  /** Lets virtual time pass in one-second steps until the condition holds. */
  static Waiter virtualTime(VirtualScheduler scheduler) {
    return (condition, limit) -> {
      Instant end = scheduler.now().plus(limit);
      scheduler.runUntilIdle();
      while (!condition.getAsBoolean()) {
        if (!scheduler.now().isBefore(end)) {
          return false;
        }
        scheduler.advance(Duration.ofSeconds(1));
      }
      return true;
    };
  }

  @BeforeEach
  void runTheExample() {
    scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
    host = new SiteHost(scheduler.clock(), EmbeddingExample.PUBLISH_TIME);
    EmbeddingExample example = new EmbeddingExample(scheduler, host, virtualTime(scheduler),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    outcome = example.run();
  }

  @AfterEach
  void closeTheScheduler() {
    scheduler.close();
  }

  private <T extends ResourceEvent> List<T> events(String resourceId, Class<T> type) {
    return outcome.events().stream().filter(type::isInstance).map(type::cast)
        .filter(e -> e.resourceId().equals(resourceId)).toList();
  }

  @Test
  void bothSitesEndHappyServingTheVersionCurrentInTheirEnvironment() {
    assertThat(outcome.statuses()).containsOnly(
        org.assertj.core.api.Assertions.entry(EmbeddingExample.TEST_SITE, ResourceStatus.HAPPY),
        org.assertj.core.api.Assertions.entry(EmbeddingExample.PRODUCTION_SITE, ResourceStatus.HAPPY));
    assertThat(outcome.current("test")).contains("1.0.0");
    assertThat(outcome.current("production")).contains("1.0.0");
    assertThat(host.site("test.fnord.example.com")).contains(new SiteState("1.0.0", 60));
    assertThat(host.site("www.fnord.example.com")).contains(new SiteState("1.0.0", SiteSpec.DEFAULT_CACHE_TTL));
  }

  @Test
  void productionWaitedForTheJudgementThatTheExampleGave() {
    var production = outcome.promotion().stream().filter(p -> p.environment().equals("production")).findFirst()
        .orElseThrow();
    var judgement = production.version("1.0.0").orElseThrow().constraints().stream()
        .filter(c -> c.type().equals("manual-judgement")).findFirst().orElseThrow();

    assertThat(judgement.judgedBy()).isEqualTo("alice");
    assertThat(judgement.status()).isEqualTo(ConstraintStatus.OVERRIDE_PASS);
    Instant testCreated = events(EmbeddingExample.TEST_SITE, ResourceEvent.TaskSucceeded.class).get(0).at();
    Instant productionLaunched = events(EmbeddingExample.PRODUCTION_SITE, ResourceEvent.ActuationLaunched.class)
        .get(0).at();
    assertThat(productionLaunched).isAfterOrEqualTo(testCreated);
  }

  @Test
  void theSubscriberSawEachSiteCreatedPublishedOnceAndResolved() {
    for (String site : List.of(EmbeddingExample.TEST_SITE, EmbeddingExample.PRODUCTION_SITE)) {
      assertThat(events(site, ResourceEvent.Created.class)).hasSize(1);
      assertThat(events(site, ResourceEvent.ActuationLaunched.class)).singleElement()
          .satisfies(e -> assertThat(e.operations()).singleElement().asString().startsWith("publish bundle 1.0.0"));
      assertThat(events(site, ResourceEvent.TaskSucceeded.class)).hasSize(1);
    }
    assertThat(outcome.events()).extracting(KeelEvent::application).containsOnly(EmbeddingExample.APPLICATION);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("ActuationLaunched", "TaskSucceeded");
  }

  @Test
  void theBrokenConfigIsRejectedWithEveryProblemLocated() {
    assertThat(outcome.problems()).hasSize(2);
    assertThat(outcome.problems().get(0)).satisfies(p -> {
      assertThat(p.source()).isEqualTo("broken.yml");
      assertThat(p.line()).isEqualTo(10);
      assertThat(p.column()).isEqualTo(7);
      assertThat(p.path()).isEqualTo("environments[0].resources[0].spec.cacheTtl");
      assertThat(p.message()).contains("Unknown property 'cacheTtl'", "cacheTtlSeconds");
    });
    assertThat(outcome.problems().get(1)).satisfies(p -> {
      assertThat(p.line()).isEqualTo(12);
      assertThat(p.path()).isEqualTo("environments[0].resources[1].spec");
      assertThat(p.message()).contains("'WWW.fnord' is not a lower-case DNS name");
    });
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("broken.yml:10:7: Unknown property 'cacheTtl'");
  }

  @Test
  void thePlanBeforeAnyVersionWasPublishedWaitsForOne() {
    assertThat(outcome.plan().resources()).extracting(ResourcePlan::resourceId)
        .containsExactly(EmbeddingExample.TEST_SITE, EmbeddingExample.PRODUCTION_SITE);
    assertThat(outcome.plan().resources()).allSatisfy(plan -> {
      assertThat(plan.action()).isEqualTo(PlannedAction.WAIT);
      assertThat(plan.message()).contains("fnord-site");
    });
  }
}
