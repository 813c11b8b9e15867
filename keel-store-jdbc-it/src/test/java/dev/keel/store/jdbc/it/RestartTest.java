package dev.keel.store.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.Actor;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.Judgement;
import dev.keel.engine.event.KeelEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.ManualJudgementConstraint;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.resolvers.ArtifactVersionResolver;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.store.jdbc.ClockSource;
import dev.keel.store.jdbc.JdbcKeelStore;
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
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engine on a database is closed in the middle of a delivery (a task in flight, a manual judgement pending, a pin
 * and a veto in force) and a new engine on the same database carries on: it follows the task to its end without
 * launching it again, and the judgement, pin and veto hold; nothing recorded before is lost. Both engines run on one
 * virtual clock against one simulated cloud, one after the other; the handler does not report actuations in progress,
 * so only the task records in the database keep the task from being launched again.
 */
abstract class RestartTest {

  private static final String APP = "fnord";
  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private EngineHarness engine;

  /** A fresh database for the test. */
  abstract Db database();

  @AfterEach
  void close() {
    if (engine != null) {
      engine.engine().close();
    }
    scheduler.close();
  }

  /** Two environments, each with one resource per artifact; production waits for test and a person's judgement. */
  private static DeliveryConfig config() {
    return new DeliveryConfig(APP, null, null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null), new DebianArtifact("api", "api", null, Set.of(),
            null)),
        List.of(new Environment("test", List.of(Configs.deploying("web-test", APP, "fnord"),
                Configs.deploying("api-test", APP, "api")), List.of(), List.of(), List.of(), null),
            new Environment("production", List.of(Configs.deploying("web-prod", APP, "fnord"),
                Configs.deploying("api-prod", APP, "api")),
                List.of(new DependsOnConstraint("test"), new ManualJudgementConstraint(Duration.ofDays(7))), List.of(),
                List.of(), null)));
  }

  private EngineHarness start(Db db) {
    engine = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().taskPollInterval(Duration.ofSeconds(15)).build())
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).taskDuration(Duration.ofMinutes(10))
            .reportsActuationInProgress(false).build())
            .taskMonitor(cloud).resolver(new ArtifactVersionResolver())
            .store(kinds -> JdbcKeelStore.builder().jdbcUrl(db.url(), db.user(), db.password()).maxPoolSize(4)
                .kinds(kinds).clockSource(ClockSource.ENGINE).build()))
        .build();
    return engine;
  }

  private void publish(String artifact, String version) {
    engine.engine().promotions().publish(new ArtifactVersion("deb", artifact, artifact + "-" + version, scheduler.now(),
        "main", Map.of()));
  }

  private EnvironmentArtifact where(String environment, String artifact) {
    return engine.engine().promotions().where(APP, environment, artifact);
  }

  private EnvironmentPromotion promotion(String environment, String artifact) {
    return engine.engine().promotions().status(APP).stream()
        .filter(p -> p.environment().equals(environment) && p.artifactReference().equals(artifact))
        .findFirst().orElseThrow();
  }

  private boolean current(String environment, String artifact, String version) {
    return promotion(environment, artifact).current().map((artifact + "-" + version)::equals).orElse(false);
  }

  private ConstraintStatus judgement(String artifact, String version) {
    return promotion("production", artifact).version(artifact + "-" + version).orElseThrow().constraints().stream()
        .filter(c -> c.type().equals("manual-judgement")).findFirst().orElseThrow().status();
  }

  @Test
  void aNewEngineOnTheSameDatabaseFollowsTheTaskInFlightAndKeepsTheJudgementPinAndVeto() {
    Db db = database();
    EngineHarness first = start(db);
    first.engine().submit(config());
    publish("fnord", "1.0");
    publish("api", "1.0");
    assertThat(first.advanceUntil(() -> current("test", "fnord", "1.0") && current("test", "api", "1.0"),
        Duration.ofMinutes(1), Duration.ofHours(1))).isTrue();
    publish("api", "2.0");
    assertThat(first.advanceUntil(() -> current("test", "api", "2.0"), Duration.ofMinutes(1), Duration.ofHours(1)))
        .isTrue();

    // The veto sends api-test back to 1.0: a task that is still running when the engine closes.
    first.engine().promotions().veto(where("test", "api"), "api-2.0", Actor.of("alice", "bad build"));
    first.engine().promotions().pin(where("test", "fnord"), "fnord-1.0", Actor.of("bob", "hold test at 1.0"));
    first.advance(Duration.ofMinutes(2));
    assertThat(cloud.hasRunningTask("api-test")).isTrue();
    assertThat(judgement("fnord", "1.0")).isEqualTo(ConstraintStatus.PENDING);
    Task inFlight = first.engine().state("fake:thing:api-test").lastTasks().get(0);
    assertThat(first.status("fake:thing:api-test")).isEqualTo(ResourceStatus.ACTUATING);
    int launched = cloud.launchedTasks();
    Map<String, List<KeelEvent>> historyBefore = histories();
    first.engine().close();

    EngineHarness second = start(db);
    assertThat(histories()).as("the history the first engine recorded").isEqualTo(historyBefore);
    assertThat(judgement("fnord", "1.0")).isEqualTo(ConstraintStatus.PENDING);
    assertThat(promotion("test", "api").statusOf("api-2.0")).isEqualTo(PromotionStatus.VETOED);
    assertThat(promotion("test", "fnord").version("fnord-1.0").orElseThrow().pinned()).isTrue();

    second.advance(Duration.ofMinutes(15));

    assertThat(cloud.launchedTasks()).as("tasks launched after the restart").isEqualTo(launched);
    assertThat(second.engine().history("fake:thing:api-test", 1_000)).filteredOn(e -> e instanceof ResourceEvent.TaskSucceeded
        t && t.task().id().equals(inFlight.id())).hasSize(1);
    assertThat(cloud.get("api-test")).contains(new FakeModel(1, "api-1.0"));
    assertThat(second.status("fake:thing:api-test")).isEqualTo(ResourceStatus.HAPPY);
    assertThat(judgement("fnord", "1.0")).as("a judgement nobody gave").isEqualTo(ConstraintStatus.PENDING);

    publish("fnord", "2.0");
    second.advance(Duration.ofMinutes(15));
    assertThat(cloud.get("web-test")).as("test is pinned to 1.0").contains(new FakeModel(1, "fnord-1.0"));
    assertThat(cloud.launchedTasks()).isEqualTo(launched);

    second.engine().promotions().judge(where("production", "fnord"), "fnord-1.0", "manual-judgement", Judgement.PASS,
        Actor.of("carol", "ship it"));
    assertThat(second.advanceUntil(() -> current("production", "fnord", "1.0"), Duration.ofMinutes(1),
        Duration.ofHours(1))).isTrue();
    assertThat(cloud.get("web-prod")).contains(new FakeModel(1, "fnord-1.0"));
    assertThat(cloud.get("api-prod")).as("api 1.0 still waits for its judgement").isEmpty();
  }

  private Map<String, List<KeelEvent>> histories() {
    Map<String, List<KeelEvent>> histories = new TreeMap<>();
    engine.engine().resources().forEach(r -> histories.put(r.id(), engine.engine().history(r.id(), 1_000)));
    return histories;
  }
}
