package dev.keel.spinnaker;

import static dev.keel.spinnaker.ScriptedServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.PipelineConstraint;
import dev.keel.spi.model.TagVersionStrategy;
import dev.keel.spinnaker.pipeline.PipelineConstraintEvaluator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline constraint over a scripted Orca, evaluated as the engine evaluates a stateful constraint (each
 * evaluation gets the previous outcome's attributes): a pipeline that succeeds lets the version through; one that
 * fails or times out holds it; the constraint's state names the execution.
 */
class PipelineConstraintTest {

  private final Spinnaker spinnaker;
  private final PipelineConstraintEvaluator evaluator;
  private Instant now = Spinnaker.NOW;

  PipelineConstraintTest() throws IOException {
    spinnaker = new Spinnaker();
    evaluator = spinnaker.clouds.pipelines();
  }

  @AfterEach
  void close() {
    spinnaker.close();
  }

  private static final DockerArtifact ARTIFACT = new DockerArtifact("fnord/web", "web",
      TagVersionStrategy.SEMVER_TAG, null, null);

  private ConstraintOutcome evaluate(PipelineConstraint constraint, Map<String, String> previous) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return evaluator.evaluate(constraint, new PromotionContext() {
      @Override
      public DeliveryConfig deliveryConfig() {
        return new DeliveryConfig("fnord", "fnord-manifest", "fnord@example.com", List.of(ARTIFACT), List.of());
      }

      @Override
      public Environment environment() {
        return new Environment("test", List.of(), List.of(constraint), List.of(), List.of(), null, List.of());
      }

      @Override
      public DeliveryArtifact artifact() {
        return ARTIFACT;
      }

      @Override
      public String version() {
        return "1.2.0";
      }

      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public ArtifactView artifacts() {
        return ArtifactView.empty();
      }

      @Override
      public Instant firstEvaluatedAt() {
        return Spinnaker.NOW;
      }

      @Override
      public Map<String, String> previousAttributes() {
        return previous;
      }
    });
  }

  private static String execution(String id, String status) {
    return "{\"id\":\"" + id + "\",\"name\":\"smoke\",\"application\":\"fnord\",\"status\":\"" + status + "\","
        + "\"buildTime\":1,\"stages\":[" + (status.equals("TERMINAL") ? "{\"type\":\"runJob\",\"context\":"
        + "{\"exception\":{\"details\":{\"errors\":[\"smoke tests failed: 3 of 40\"]}}}}" : "") + "]}";
  }

  private static final PipelineConstraint SMOKE = new PipelineConstraint("smoke-pipeline", Duration.ofMinutes(30),
      0, Map.of("env", "test"));

  @Test
  void aPipelineThatSucceedsLetsTheVersionThroughWithItsExecutionInTheState() {
    spinnaker.server.on("POST /orchestrate/smoke-pipeline", json("{\"ref\":\"/pipelines/01EXEC\"}"));
    spinnaker.server.on("GET /pipelines/01EXEC", json(execution("01EXEC", "RUNNING")),
        json(execution("01EXEC", "SUCCEEDED")));

    ConstraintOutcome triggered = evaluate(SMOKE, Map.of());
    ConstraintOutcome running = evaluate(SMOKE, triggered.attributes());
    ConstraintOutcome done = evaluate(SMOKE, running.attributes());

    assertThat(triggered.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(triggered.attributes()).containsEntry("executionId", "01EXEC").containsEntry("attempt", "1")
        .containsEntry("latestAttempt", Spinnaker.NOW.toString());
    assertThat(running.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(running.attributes()).containsEntry("lastExecutionStatus", "RUNNING");
    assertThat(done.result()).isEqualTo(ConstraintOutcome.Result.PASS);
    assertThat(done.attributes()).containsEntry("executionId", "01EXEC")
        .containsEntry("lastExecutionStatus", "SUCCEEDED");
    var trigger = spinnaker.server.requests("POST /orchestrate/smoke-pipeline").get(0);
    assertThat(trigger.headers()).containsEntry("x-spinnaker-user", "fnord@example.com")
        .containsEntry("content-type", "application/json");
    assertThat(trigger.json()).isEqualTo(Ec2RequestShapeTest.json("""
        {"type":"managed","user":"keel","application":"fnord","environment":"test","parameters":{"env":"test"},
         "artifacts":[{"type":"docker","name":"fnord/web","version":"1.2.0","reference":"web"}],
         "notifications":[]}"""));
    assertThat(spinnaker.server.requests("POST /orchestrate/smoke-pipeline")).hasSize(1);
  }

  @Test
  void aPipelineThatFailsHoldsTheVersionWithOrcasReason() {
    spinnaker.server.on("POST /orchestrate/smoke-pipeline", json("{\"ref\":\"/pipelines/01EXEC\"}"));
    spinnaker.server.on("GET /pipelines/01EXEC", json(execution("01EXEC", "TERMINAL")));

    ConstraintOutcome failed = evaluate(SMOKE, evaluate(SMOKE, Map.of()).attributes());

    assertThat(failed.result()).isEqualTo(ConstraintOutcome.Result.FAIL);
    assertThat(failed.message()).contains("01EXEC").contains("TERMINAL").contains("smoke tests failed: 3 of 40");
    assertThat(failed.attributes()).containsEntry("executionId", "01EXEC");
  }

  @Test
  void aPipelineThatRunsPastItsTimeoutHoldsTheVersion() {
    spinnaker.server.on("POST /orchestrate/smoke-pipeline", json("{\"ref\":\"/pipelines/01EXEC\"}"));
    spinnaker.server.on("GET /pipelines/01EXEC", json(execution("01EXEC", "RUNNING")));
    Map<String, String> triggered = evaluate(SMOKE, Map.of()).attributes();

    now = Spinnaker.NOW.plus(Duration.ofMinutes(29));
    ConstraintOutcome stillRunning = evaluate(SMOKE, triggered);
    now = Spinnaker.NOW.plus(Duration.ofMinutes(31));
    ConstraintOutcome timedOut = evaluate(SMOKE, stillRunning.attributes());

    assertThat(stillRunning.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(timedOut.result()).isEqualTo(ConstraintOutcome.Result.FAIL);
    assertThat(timedOut.message()).contains("timed out after PT30M");
    assertThat(timedOut.attributes()).containsEntry("executionId", "01EXEC");
  }

  @Test
  void aFailedRunIsTriggeredAgainWhileRetriesRemain() {
    var retried = new PipelineConstraint("smoke-pipeline", Duration.ofMinutes(30), 1, Map.of());
    spinnaker.server.on("POST /orchestrate/smoke-pipeline", json("{\"ref\":\"/pipelines/01FIRST\"}"),
        json("{\"ref\":\"/pipelines/01SECOND\"}"));
    spinnaker.server.on("GET /pipelines/01FIRST", json(execution("01FIRST", "TERMINAL")));
    spinnaker.server.on("GET /pipelines/01SECOND", json(execution("01SECOND", "SUCCEEDED")));

    ConstraintOutcome first = evaluate(retried, Map.of());
    ConstraintOutcome again = evaluate(retried, first.attributes());
    ConstraintOutcome passed = evaluate(retried, again.attributes());

    assertThat(again.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(again.attributes()).containsEntry("executionId", "01SECOND").containsEntry("attempt", "2");
    assertThat(passed.result()).isEqualTo(ConstraintOutcome.Result.PASS);
    assertThat(spinnaker.server.requests("POST /orchestrate/smoke-pipeline")).hasSize(2);
  }

  @Test
  void aTriggerOrcaRejectsFailsAtOnceAndAnOutageIsTriedAgain() {
    spinnaker.server.on("POST /orchestrate/smoke-pipeline", json(503, "down"), json(404, "no such pipeline"));

    ConstraintOutcome outage = evaluate(SMOKE, Map.of());
    ConstraintOutcome rejected = evaluate(SMOKE, outage.attributes());

    assertThat(outage.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(outage.attributes()).doesNotContainKey("executionId");
    assertThat(rejected.result()).isEqualTo(ConstraintOutcome.Result.FAIL);
    assertThat(rejected.message()).contains("POST orca /orchestrate/smoke-pipeline answered 404");
  }
}
