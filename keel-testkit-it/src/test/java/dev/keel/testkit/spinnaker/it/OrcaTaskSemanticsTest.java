package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.ec2.api.Catalog;
import dev.keel.testkit.spinnaker.Fault;
import dev.keel.testkit.spinnaker.Route;
import dev.keel.testkit.spinnaker.Service;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Orca's task semantics over the simulated clouds: a task advances only as virtual time does; a running
 * correlation id answers with its running task; a completed or canceled task is not correlated any more; a
 * failure's text is in the failed stage.
 */
class OrcaTaskSemanticsTest {

  private static final String CORRELATION = "ec2:cluster:test:fnord-main:us-east-1";

  private final SpinnakerWorld world = new SpinnakerWorld();

  @BeforeEach
  void image() {
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        Map.of("us-east-1", "ami-1"), Instant.parse("2026-01-04T10:00:00Z")));
  }

  @AfterEach
  void close() {
    world.close();
  }

  private JsonNode correlated() {
    return world.orca("/executions/correlated/" + CORRELATION).body();
  }

  @Test
  void aTaskAdvancesOnlyAsVirtualTimeDoes() {
    String cluster = "/applications/fnord/clusters/test/fnord-main/aws";
    String id = world.submit(Bodies.deployEc2("ami-1"));

    for (int poll = 0; poll < 3; poll++) {
      assertThat(world.status(id)).isEqualTo("RUNNING");
      assertThat(world.clouddriver(cluster).status()).isEqualTo(404);
    }
    world.advance(Duration.ofSeconds(45));
    assertThat(world.status(id)).isEqualTo("RUNNING");
    assertThat(world.clouddriver(cluster).status()).isEqualTo(200);
    JsonNode running = world.orca("/tasks/" + id).body();
    assertThat(running.at("/execution/stages/0/status").asText()).isEqualTo("RUNNING");
    assertThat(running.at("/execution/trigger/correlationId").asText()).isEqualTo(CORRELATION);
    assertThat(running.at("/execution/authentication/user").asText()).isEqualTo(SpinnakerWorld.USER);
    world.advance(Duration.ofMinutes(10));
    JsonNode done = world.orca("/tasks/" + id).body();
    assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
    assertThat(done.get("endTime").asLong()).isGreaterThan(done.get("buildTime").asLong());
    assertThat(world.clouddriver(cluster).body().at("/serverGroups/0/name").asText()).isEqualTo("fnord-main-v000");
  }

  @Test
  void aRunningCorrelationIdAnswersASecondSubmissionWithTheRunningTask() {
    String first = world.submit(Bodies.deployEc2("ami-1"));
    world.advance(Duration.ofSeconds(45));
    String second = world.submit(Bodies.deployEc2("ami-1"));

    assertThat(second).isEqualTo(first);
    assertThat(world.fake.submissions(CORRELATION)).isEqualTo(2);
    assertThat(world.ec2.tasks()).hasSize(1);
    assertThat(correlated()).hasSize(1);
    assertThat(correlated().get(0).asText()).isEqualTo(first);
  }

  @Test
  void aCompletedTaskIsNotCorrelatedAndTheNextSubmissionStartsAnother() {
    String first = world.submit(Bodies.deployEc2("ami-1"));
    world.advance(Duration.ofMinutes(10));

    assertThat(correlated()).isEmpty();
    String second = world.submit(Bodies.deployEc2("ami-1"));
    assertThat(second).isNotEqualTo(first);
    assertThat(correlated().get(0).asText()).isEqualTo(second);
  }

  @Test
  void aCanceledTaskIsCompleteAtOnceAndItsCorrelationIdIsFreeAgain() {
    String first = world.submit(Bodies.deployEc2("ami-1"));
    world.advance(Duration.ofSeconds(45));

    var cancel = world.put("/tasks/" + first + "/cancel", "");

    assertThat(cancel.status()).isEqualTo(202);
    assertThat(world.status(first)).isEqualTo("CANCELED");
    assertThat(world.orca("/tasks/" + first).body().at("/execution/canceled").asBoolean()).isTrue();
    assertThat(correlated()).isEmpty();
    String second = world.submit(Bodies.deployEc2("ami-1"));
    assertThat(second).isNotEqualTo(first);
    world.advance(Duration.ofMinutes(10));
    assertThat(world.status(second)).isEqualTo("SUCCEEDED");
    assertThat(world.status(first)).isEqualTo("CANCELED");
    assertThat(world.put("/tasks/unknown/cancel", "").status()).isEqualTo(404);
  }

  @Test
  void severalTasksAreCanceledByOneList() {
    String first = world.submit(Bodies.deployEc2("ami-1"));
    String other = world.submit(Bodies.envelope("ec2:cluster:test:fnord-other:us-east-1", "other",
        Bodies.createEc2("ami-1", "highlander", "").replace("fnord-main", "fnord-other")
            .replace("\"stack\": \"main\"", "\"stack\": \"other\"")));

    assertThat(world.put("/tasks/cancel", "[\"" + first + "\", \"" + other + "\"]").status()).isEqualTo(202);

    assertThat(world.status(first)).isEqualTo("CANCELED");
    assertThat(world.status(other)).isEqualTo("CANCELED");
  }

  @Test
  void aFailedStageCarriesTheFailureTextWhereKeelReadsIt() {
    world.ec2.failNextStage("createServerGroup", "Instances did not come up");
    String id = world.submit(Bodies.deployEc2("ami-1"));
    world.advance(Duration.ofMinutes(2));

    JsonNode failed = world.orca("/tasks/" + id).body();

    assertThat(failed.get("status").asText()).isEqualTo("TERMINAL");
    JsonNode stage = failed.at("/execution/stages/0");
    assertThat(stage.get("status").asText()).isEqualTo("TERMINAL");
    assertThat(stage.at("/context/exception/details/errors/0").asText())
        .isEqualTo("Stage createServerGroup failed: Instances did not come up");
    assertThat(stage.at("/context/kato.tasks/0/exception/message").asText())
        .isEqualTo("Stage createServerGroup failed: Instances did not come up");
    assertThat(correlated()).isEmpty();
  }

  @Test
  void anInjectedFailingTaskFailsWithItsTextWithoutReachingTheCloud() {
    world.fake.faults().next(Route.orca("POST", "/ops"), 1, new Fault.FailTask("Orca is on fire"));

    String id = world.submit(Bodies.deployEc2("ami-1"));

    JsonNode failed = world.orca("/tasks/" + id).body();
    assertThat(failed.get("status").asText()).isEqualTo("TERMINAL");
    assertThat(failed.at("/execution/stages/0/context/exception/details/errors/0").asText())
        .isEqualTo("Orca is on fire");
    assertThat(world.ec2.submitted()).isEmpty();
    assertThat(world.submit(Bodies.deployEc2("ami-1"))).isNotEqualTo(id);
    assertThat(world.ec2.submitted()).hasSize(1);
  }

  @Test
  void anUnknownTaskIsNotFound() {
    assertThat(world.orca("/tasks/01FECEG2QJH35CBDHPCRNZFHXN").status()).isEqualTo(404);
  }

  @Test
  void aTaskMapPostedAsPlainJsonIsUnsupportedAndABodyTheFakeCannotRunNamesItsPath() {
    var plain = world.send(HttpRequest.newBuilder(world.url(Service.ORCA, "/ops"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            Bodies.deployEc2("ami-1"))));
    var noCapacity = world.ops(Bodies.deployEc2("ami-1").replace("\"capacity\": {\"min\": 1, \"max\": 3, "
        + "\"desired\": 2}, ", ""));
    var unknownStage = world.ops(Bodies.envelope(CORRELATION, "x", Bodies.stage("scaleUpTheMoon", "aws",
        "fnord-main-v000", "")));
    var notJson = world.ops("{\"application\": ");

    assertThat(plain.status()).isEqualTo(415);
    assertThat(noCapacity.status()).isEqualTo(400);
    assertThat(noCapacity.body().get("message").asText()).isEqualTo("job[0].capacity: expected an object");
    assertThat(unknownStage.status()).isEqualTo(400);
    assertThat(unknownStage.body().get("message").asText()).contains("scaleUpTheMoon");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(world.ec2.submitted()).isEmpty();
  }

  @Test
  void aPlainListOfStagesRunsAsAnUncorrelatedTask() {
    String stage = Bodies.createEc2("ami-1", "highlander", "");
    var reply = world.send(HttpRequest.newBuilder(world.url(Service.ORCA, "/ops"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[" + stage + "]")));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(world.ec2.submitted()).hasSize(1);
  }

  @Test
  void twoFakesGivenTheSameRequestsAnswerTheSame() {
    List<String> first = script(world);
    try (SpinnakerWorld other = new SpinnakerWorld()) {
      other.ec2.catalog().image(new Catalog.Image("fnord-1.0.0", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
          Map.of("us-east-1", "ami-1"), Instant.parse("2026-01-04T10:00:00Z")));
      assertThat(script(other)).isEqualTo(first);
    }
  }

  private static List<String> script(SpinnakerWorld w) {
    List<String> out = new ArrayList<>();
    String id = w.submit(Bodies.deployEc2("ami-1"));
    w.advance(Duration.ofMinutes(10));
    out.add(w.orca("/tasks/" + id).text());
    out.add(w.clouddriver("/applications/fnord/clusters/test/fnord-main/aws").text());
    String pipeline = w.send(HttpRequest.newBuilder(w.url(Service.ORCA, "/orchestrate/deploy-smoke"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"))).text();
    out.add(pipeline);
    return out;
  }
}
