package dev.keel.examples.spinnakerhost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.KeelEngine;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.promotion.VersionPromotion;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.testkit.spinnaker.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The example service starts as its README says, on H2, with every plugin loaded and configured for the fake
 * Spinnaker, and converges the sample delivery it submitted at start: test and staging on their own, production after
 * the README's two manual judgements, until all nine resources are HAPPY and the first build is CURRENT in every
 * environment. The service runs on virtual time (keel-testkit's {@link VirtualScheduler} as the engine's scheduler, its
 * clock as the service's one {@link Clock}), moved on in bounded steps while the engine's own view is polled.
 */
class SpinnakerHostTest {

  /** A Monday, 10:00 UTC: inside production's allowed times (Monday to Friday, 9 to 17 UTC). */
  private static final Instant MONDAY = Instant.parse("2026-01-05T10:00:00Z");
  private static final String USER = "you@example.com";

  @Test
  void theServiceConvergesItsSampleDeliveryOnTheFakeSpinnakerAfterTheReadmesJudgements() throws Exception {
    int clouddriver = freePort();
    int orca = freePort();
    try (VirtualScheduler scheduler = new VirtualScheduler(MONDAY);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SpinnakerHost.class)
            .initializers(c -> {
              c.getBeanFactory().registerSingleton("keelScheduler", scheduler);
              c.getBeanFactory().registerSingleton("clock", scheduler.clock());
            })
            .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:spinnaker-host;DB_CLOSE_DELAY=-1",
                "--keel.store.clock=engine",
                "--keel.plugins.directory=" + System.getProperty("keel.plugins.directory", "target/plugins"),
                "--example.sample.config=../configs/fnord.yml",
                "--example.fake-spinnaker.clouddriver-port=" + clouddriver,
                "--example.fake-spinnaker.orca-port=" + orca)) {
      KeelEngine engine = context.getBean(KeelEngine.class);
      assertThat(engine.pluginFailures()).isEmpty();
      assertThat(engine.config().pluginConfig("dev.keel.ec2")).containsEntry("cloud", "spinnaker")
          .containsEntry("clouddriverUrl", "http://127.0.0.1:" + clouddriver);
      FakeSpinnaker spinnaker = context.getBean(FakeSpinnaker.class);
      assertThat(spinnaker.clouddriverUrl().getPort()).isEqualTo(clouddriver);
      URI base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();
      assertThat(get(http, base, "/actuator/health").body()).contains("\"keel\":{\"status\":\"UP\"");

      // test and staging converge on their own; production waits for its judgements.
      assertThat(advanceUntil(scheduler, () -> pendingJudgements(engine).size() == 2, Duration.ofHours(4)))
          .as("production waits for two judgements: %s", engine.promotions().status("fnord")).isTrue();
      assertThat(pendingJudgements(engine)).containsExactlyInAnyOrder("fnord@fnord-1.0.0-h1.c0ffee1", "fnord-api@1.0.0");

      // The README's judgements, as an operator sends them.
      for (String body : List.of(
          "{\"type\":\"manual-judgement\",\"artifactReference\":\"fnord\",\"artifactVersion\":\"fnord-1.0.0-h1.c0ffee1\","
              + "\"status\":\"OVERRIDE_PASS\"}",
          "{\"type\":\"manual-judgement\",\"artifactReference\":\"fnord-api\",\"artifactVersion\":\"1.0.0\","
              + "\"status\":\"OVERRIDE_PASS\"}")) {
        HttpResponse<String> judged = http.send(HttpRequest.newBuilder(
                base.resolve("/application/fnord/environment/production/constraint"))
            .header("X-SPINNAKER-USER", USER).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
      }

      boolean converged = advanceUntil(scheduler, () -> engine.convergence("fnord").converged()
          && allHappy(engine) && firstBuildCurrentEverywhere(engine), Duration.ofHours(6));
      assertThat(converged).as("statuses %s, blockers %s, promotions %s", statuses(engine),
          engine.convergence("fnord").blockers(), engine.promotions().status("fnord")).isTrue();
      assertThat(engine.resources()).hasSize(9);
      assertThat(get(http, base, "/application/fnord").body()).doesNotContain("\"PENDING\"");
      assertThat(spinnaker.requests(Service.ORCA)).isNotEmpty();
    }
  }

  /** Moves virtual time on a minute at a time until the condition holds or the limit passes. */
  private static boolean advanceUntil(VirtualScheduler scheduler, BooleanSupplier condition, Duration limit) {
    scheduler.runUntilIdle();
    for (Duration spent = Duration.ZERO; spent.compareTo(limit) < 0; spent = spent.plusMinutes(1)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      scheduler.advance(Duration.ofMinutes(1));
    }
    return condition.getAsBoolean();
  }

  private static List<String> pendingJudgements(KeelEngine engine) {
    return engine.promotions().status("fnord").stream().filter(e -> e.environment().equals("production"))
        .flatMap(e -> e.versions().stream().filter(v -> v.constraints().stream().anyMatch(c ->
            c.type().equals("manual-judgement") && c.status() == ConstraintStatus.PENDING))
            .map(v -> e.artifactReference() + "@" + v.version()))
        .toList();
  }

  private static boolean allHappy(KeelEngine engine) {
    return engine.resources().size() == 9
        && engine.resources().stream().allMatch(r -> engine.status(r.id()) == ResourceStatus.HAPPY);
  }

  /** The first build of both artifacts is CURRENT in test, staging and production. */
  private static boolean firstBuildCurrentEverywhere(KeelEngine engine) {
    List<EnvironmentPromotion> status = engine.promotions().status("fnord");
    return status.size() == 6 && status.stream().allMatch(e -> e.versions().stream()
        .filter(v -> v.version().equals("fnord-1.0.0-h1.c0ffee1") || v.version().equals("1.0.0"))
        .map(VersionPromotion::status).toList().equals(List.of(PromotionStatus.CURRENT)));
  }

  private static Map<String, ResourceStatus> statuses(KeelEngine engine) {
    Map<String, ResourceStatus> out = new TreeMap<>();
    engine.resources().forEach(r -> out.put(r.id(), engine.status(r.id())));
    return out;
  }

  private static HttpResponse<String> get(HttpClient http, URI base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
