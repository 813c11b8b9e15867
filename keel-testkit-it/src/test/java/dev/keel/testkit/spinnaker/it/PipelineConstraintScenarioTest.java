package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.resolvers.ArtifactVersionResolver;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spinnaker.pipeline.PipelineConstraintEvaluator;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.testkit.spinnaker.PipelineOutcome;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code pipeline} constraint evaluated through Orca, on virtual time: the engine's promotion runs keel-spinnaker's
 * evaluator, which triggers the fake Spinnaker's pipeline over HTTP and polls its execution. A pipeline that succeeds
 * lets the version into the environment; one that fails, or runs past the constraint's timeout, holds it there; the
 * constraint's state names the execution, which Orca knows by that id.
 */
class PipelineConstraintScenarioTest {

  private static final String PIPELINE = "smoke-test-pipeline";

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T10:00:00Z"));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final SpinnakerPorts spinnaker = SpinnakerPorts.overHttp(scheduler.clock(), null, null);
  private final FakeSpinnaker fake = spinnaker.fake().orElseThrow();
  private EngineHarness harness;

  @AfterEach
  void close() {
    if (harness != null) {
      harness.close();
    }
    spinnaker.close();
    scheduler.close();
  }

  private void start(Duration timeout) {
    harness = EngineHarness.builder().scheduler(scheduler)
        .config(EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10))
            .build())
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).build()).taskMonitor(cloud)
            .resolver(new ArtifactVersionResolver())
            .constraintEvaluator(spinnaker.adapters().orElseThrow().pipelines()))
        .build();
    DeliveryConfig config = new DeliveryConfig("fnord", null, null,
        List.of(new DebianArtifact("fnord", "fnord", null, Set.of(), null)),
        List.of(new Environment("test", List.of(Configs.deploying("fnord-test", "fnord", "fnord")),
            List.of(new PipelineConstraint(PIPELINE, timeout, 0, Map.of("region", "us-east-1"))), List.of(),
            List.of(), null)));
    harness.engine().submit(config);
    harness.runUntilIdle();
    harness.engine().promotions().publish(new ArtifactVersion("deb", "fnord", "fnord-1.0.0", scheduler.now(), "main",
        Map.of()));
  }

  private EnvironmentPromotion test() {
    return harness.engine().promotions().status("fnord").stream().filter(p -> p.environment().equals("test"))
        .findFirst().orElseThrow();
  }

  private ConstraintState pipelineState() {
    return test().version("fnord-1.0.0").orElseThrow().constraints().stream()
        .filter(c -> c.type().equals(PipelineConstraint.TYPE)).findFirst().orElseThrow();
  }

  /** The execution as the fake's Orca reports it at {@code GET /pipelines/{id}}. */
  private JsonNode execution(String id) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(fake.orcaUrl() + "/pipelines/" + id)).header("X-SPINNAKER-USER", SpinnakerWorld.USER)
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return SpinnakerWorld.JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPipelineThatSucceedsLetsTheVersionIntoTheEnvironment() {
    fake.pipelines().script(PIPELINE, new PipelineOutcome.Succeeds(Duration.ofMinutes(5)));
    start(Duration.ofMinutes(30));

    harness.advance(Duration.ofMinutes(2));
    ConstraintState running = pipelineState();
    assertThat(running.status()).isEqualTo(ConstraintStatus.PENDING);
    assertThat(cloud.get("fnord-test")).isEmpty();

    harness.advance(Duration.ofMinutes(10));

    ConstraintState passed = pipelineState();
    assertThat(passed.status()).isEqualTo(ConstraintStatus.PASS);
    String executionId = passed.attributes().get(PipelineConstraintEvaluator.EXECUTION_ID);
    assertThat(executionId).isNotBlank().isEqualTo(running.attributes().get(PipelineConstraintEvaluator.EXECUTION_ID));
    assertThat(execution(executionId).get("pipelineConfigId").asText()).isEqualTo(PIPELINE);
    assertThat(execution(executionId).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(fake.pipelines().triggered()).containsExactly(PIPELINE);
    assertThat(test().current()).contains("fnord-1.0.0");
    assertThat(cloud.get("fnord-test")).contains(new FakeModel(1, "fnord-1.0.0"));
  }

  @Test
  void aPipelineThatFailsHoldsTheVersionWithOrcasReason() {
    fake.pipelines().script(PIPELINE, new PipelineOutcome.Fails(Duration.ofMinutes(3), "smoke tests failed: 3 of 40"));
    start(Duration.ofMinutes(30));

    harness.advance(Duration.ofMinutes(20));

    ConstraintState failed = pipelineState();
    assertThat(failed.status()).isEqualTo(ConstraintStatus.FAIL);
    String executionId = failed.attributes().get(PipelineConstraintEvaluator.EXECUTION_ID);
    assertThat(execution(executionId).get("status").asText()).isEqualTo("TERMINAL");
    assertThat(failed.comment()).contains("smoke tests failed: 3 of 40");
    assertThat(test().statusOf("fnord-1.0.0")).isNotEqualTo(PromotionStatus.CURRENT);
    assertThat(test().current()).isEmpty();
    assertThat(cloud.get("fnord-test")).isEmpty();
    assertThat(fake.pipelines().triggered()).containsExactly(PIPELINE);
  }

  @Test
  void aPipelineStillRunningAtTheTimeoutHoldsTheVersion() {
    fake.pipelines().script(PIPELINE, new PipelineOutcome.Runs());
    start(Duration.ofMinutes(15));

    harness.advance(Duration.ofMinutes(10));
    assertThat(pipelineState().status()).isEqualTo(ConstraintStatus.PENDING);

    harness.advance(Duration.ofMinutes(15));

    ConstraintState timedOut = pipelineState();
    assertThat(timedOut.status()).isEqualTo(ConstraintStatus.FAIL);
    String executionId = timedOut.attributes().get(PipelineConstraintEvaluator.EXECUTION_ID);
    assertThat(execution(executionId).get("pipelineConfigId").asText()).isEqualTo(PIPELINE);
    assertThat(timedOut.comment()).contains("timed out after PT15M").contains(executionId);
    assertThat(test().current()).isEmpty();
    assertThat(cloud.get("fnord-test")).isEmpty();
  }
}
