package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testkit.spinnaker.PipelineOutcome;
import dev.keel.testkit.spinnaker.Service;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pipelines of {@code pipeline} constraints run on virtual time and end as the test scripted them. */
class PipelinesTest {

  private final SpinnakerWorld world = new SpinnakerWorld();

  @AfterEach
  void close() {
    world.close();
  }

  private String trigger(String pipelineConfigId) {
    var reply = world.send(HttpRequest.newBuilder(world.url(Service.ORCA, "/orchestrate/" + pipelineConfigId))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"type": "managed", "user": "keel", "application": "fnord", "environment": "staging",
             "parameters": {}, "artifacts": [], "notifications": []}""")));
    String ref = reply.body().get("ref").asText();
    assertThat(ref).startsWith("/pipelines/");
    return ref.substring("/pipelines/".length());
  }

  private JsonNode pipeline(String id) {
    return world.orca("/pipelines/" + id).body();
  }

  @Test
  void aScriptedPipelineRunsForItsTimeThenSucceedsOrFailsWithItsMessage() {
    world.fake.pipelines().script("smoke", new PipelineOutcome.Succeeds(Duration.ofMinutes(5)))
        .script("soak", new PipelineOutcome.Fails(Duration.ofMinutes(2), "latency above budget"));

    String smoke = trigger("smoke");
    String soak = trigger("soak");
    assertThat(pipeline(smoke).get("status").asText()).isEqualTo("RUNNING");
    world.advance(Duration.ofMinutes(3));

    assertThat(pipeline(smoke).get("status").asText()).isEqualTo("RUNNING");
    JsonNode failed = pipeline(soak);
    assertThat(failed.get("status").asText()).isEqualTo("TERMINAL");
    assertThat(failed.at("/stages/0/context/exception/details/errors/0").asText()).isEqualTo("latency above budget");
    assertThat(failed.at("/trigger/environment").asText()).isEqualTo("staging");
    world.advance(Duration.ofMinutes(3));
    assertThat(pipeline(smoke).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(world.fake.pipelines().triggered()).containsExactly("smoke", "soak");
  }

  @Test
  void anUnscriptedPipelineSucceedsAfterAMinuteAndARunningOneCanBeCanceled() {
    world.fake.pipelines().script("forever", new PipelineOutcome.Runs());
    String quick = trigger("anything");
    String forever = trigger("forever");

    world.advance(Duration.ofMinutes(1));
    world.put("/pipelines/" + forever + "/cancel", "");

    assertThat(pipeline(quick).get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(pipeline(forever).get("status").asText()).isEqualTo("CANCELED");
    assertThat(world.orca("/pipelines/nope").status()).isEqualTo(404);
  }

  @Test
  void executionsAreListedByPipelineConfigAndStatusNewestFirst() {
    trigger("smoke");
    String second = trigger("smoke");
    trigger("other");

    JsonNode smoke = world.orca("/pipelines?pipelineConfigIds=smoke&limit=10").body();
    JsonNode running = world.orca("/pipelines?pipelineConfigIds=smoke,other&statuses=RUNNING&limit=2").body();

    assertThat(smoke).hasSize(2);
    assertThat(smoke.get(0).get("id").asText()).isEqualTo(second);
    assertThat(running).hasSize(2);
    assertThat(running.get(0).get("pipelineConfigId").asText()).isEqualTo("other");
  }
}
