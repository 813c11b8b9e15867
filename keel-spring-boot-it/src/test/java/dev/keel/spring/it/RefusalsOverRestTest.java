package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.spring.it.RunningHost.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What Keel's REST API refuses, over HTTP: a bad config is 400 with each problem's line and column, an unknown id is
 * 404, a write the authorizer refuses or nobody makes is 403 and leaves the store exactly as it was; no answer
 * carries a stack trace; pauses and resumes are recorded with who made them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalsOverRestTest {

  private static final String USER = "alice@example.com";
  /** fnord.yml with two mistakes: a capacity that is no number, and a misspelt kind. */
  private static final String BAD = Fnord.text()
      .replaceFirst("capacity: \\{min: 1,", "capacity: {min: lots,")
      .replaceFirst("kind: titus/cluster@v1", "kind: titus/clustre@v1");

  private RunningHost host;

  @BeforeAll
  void start() {
    host = RunningHost.start(TestHost.class);
    Fnord.prepareClouds(host.engine());
    Reply submitted = host.post("/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(), USER);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void aBadConfigIs400WithTheProblemsTheCliPrintsAtTheirLinesAndColumns() {
    Reply r = host.post("/delivery-configs?source=bad.yml", "application/x-yaml", BAD, USER);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("problems")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> {
      assertThat(p.get("source").asText()).isEqualTo("bad.yml");
      assertThat(p.get("line").asInt()).isPositive();
      assertThat(p.get("column").asInt()).isPositive();
      assertThat(p.get("text").asText()).matches("bad\\.yml:\\d+:\\d+: .+");
    });
    assertThat(r.json().get("problems")).extracting(p -> p.get("line").asInt())
        .contains(lineOf(BAD, "min: lots"), lineOf(BAD, "titus/clustre"));
    assertNoStackTrace(r);
    Reply validated = host.post("/delivery-configs/validate?source=bad.yml", "text/yaml", BAD, null);
    assertThat(validated.status()).isEqualTo(400);
    assertThat(validated.json().get("problems")).isEqualTo(r.json().get("problems"));
  }

  @Test
  void unknownIdsAre404() {
    for (String path : List.of("/resources/ec2:cluster:test:nope", "/resources/ec2:cluster:test:nope/status",
        "/application/nope", "/environments/nope", "/delivery-configs/nope", "/delivery-configs/application/nope")) {
      Reply r = host.get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.json().get("message").asText()).as(path).contains("nope");
      assertNoStackTrace(r);
    }
  }

  @Test
  void malformedRequestsAre400WithoutAStackTrace() {
    List<Reply> malformed = List.of(
        host.delete("/application/fnord/pin/test", USER),
        host.post("/application/fnord/veto", "application/json", "{not json", USER),
        host.postJson("/application/fnord/pin", Map.of("targetEnvironment", "test"), USER),
        host.postJson("/application/fnord/environment/production/constraint", Map.of("type", "manual-judgement",
            "artifactReference", "fnord", "artifactVersion", "fnord-1.0.0-h1.c0ffee1", "status", "MAYBE"), USER));
    for (Reply r : malformed) {
      assertThat(r.status()).as(r.text()).isEqualTo(400);
      assertNoStackTrace(r);
    }
    assertThat(malformed.get(2).json().get("message").asText()).contains("\"reference\"");
    assertThat(malformed.get(3).json().get("message").asText()).contains("OVERRIDE_PASS");
  }

  @Test
  void writesTheAuthorizerRefusesOrNobodyMakesAre403AndTheStoreIsUnchanged() {
    Map<String, List<String>> before = host.storeRows();
    String viewBefore = host.get("/application/fnord").text();
    assertThat(before.values().stream().mapToInt(List::size).sum()).isPositive();

    Map<String, String> pin = Map.of("targetEnvironment", "test", "reference", "fnord", "version",
        "fnord-1.0.0-h1.c0ffee1");
    List<Reply> refused = List.of(
        host.postJson("/application/fnord/pin", pin, TestHost.REFUSED),
        host.post("/delivery-configs", "application/x-yaml", Fnord.text().replace("m5.large", "m5.xlarge"),
            TestHost.REFUSED),
        host.delete("/delivery-configs/fnord-manifest", TestHost.REFUSED),
        host.post("/application/fnord/pause", "application/json", "", TestHost.REFUSED),
        host.post("/resources/ec2:cluster:test:fnord-main/pause", "application/json", "", null));
    for (Reply r : refused) {
      assertThat(r.status()).as(r.text()).isEqualTo(403);
      assertNoStackTrace(r);
    }
    assertThat(refused.get(0).json().get("message").asText()).contains(TestHost.REFUSED).contains("PIN");
    assertThat(refused.get(4).json().get("message").asText()).contains("keel.security.allow-anonymous-writes=true");

    assertThat(host.storeRows()).isEqualTo(before);
    assertThat(host.get("/application/fnord").text()).isEqualTo(viewBefore);
  }

  @Test
  void pausesAndResumesAreRecordedWithWhoDidThem() {
    String id = "ec2:security-group:test:fnord";
    Reply paused = host.post("/resources/" + id + "/pause?comment=maintenance", "application/json", "", USER);
    assertThat(paused.status()).as(paused.text()).isEqualTo(200);
    assertThat(paused.json().get("by").asText()).isEqualTo(USER);
    assertThat(WhoDidIt.rowsOf(host, "pause")).singleElement().asString().contains(USER).contains("maintenance");
    Reply resumed = host.delete("/resources/" + id + "/pause", "bob@example.com");
    assertThat(resumed.json().get("paused").asBoolean()).isFalse();
    assertThat(WhoDidIt.rowsOf(host, "pause")).isEmpty();
    assertThat(WhoDidIt.of(host.engine(), id, ResourceEvent.ActuationPaused.class)).containsExactly(USER);
    assertThat(WhoDidIt.of(host.engine(), id, ResourceEvent.ActuationResumed.class)).containsExactly("bob@example.com");

    Reply appPaused = host.post("/application/fnord/pause", "application/json", "", "carol@example.com");
    assertThat(appPaused.status()).as(appPaused.text()).isEqualTo(200);
    assertThat(WhoDidIt.rowsOf(host, "pause")).singleElement().asString().contains("carol@example.com");
    Reply appResumed = host.delete("/application/fnord/pause", "dave@example.com");
    assertThat(appResumed.status()).as(appResumed.text()).isEqualTo(200);
    assertThat(WhoDidIt.of(host.engine(), id, ApplicationEvent.Paused.class)).containsExactly("carol@example.com");
    assertThat(WhoDidIt.of(host.engine(), id, ApplicationEvent.Resumed.class)).containsExactly("dave@example.com");
    assertThat(WhoDidIt.of(host.engine(), id, ApplicationEvent.ConfigSubmitted.class)).containsExactly(USER);
  }

  private static int lineOf(String text, String fragment) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("no " + fragment);
  }

  private static void assertNoStackTrace(Reply r) {
    assertThat(r.text()).doesNotContain("\tat ").doesNotContain("\"trace\"").doesNotContain("Exception:");
  }
}
