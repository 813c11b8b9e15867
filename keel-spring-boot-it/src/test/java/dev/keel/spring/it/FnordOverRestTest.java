package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.engine.KeelEngine;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.spring.it.RunningHost.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The starter in a running application on this module's Spring Boot line: fnord.yml submitted over HTTP converges
 * on the simulated clouds, is judged, pinned and vetoed through Keel's REST API, and the health and metrics endpoints
 * report the engine.
 */
class FnordOverRestTest {

  private static final String USER = "alice@example.com";

  @Test
  void fnordSubmittedOverHttpConvergesAndIsJudgedPinnedAndVetoedThroughTheApi() {
    try (RunningHost host = RunningHost.start(TestHost.class)) {
      KeelEngine engine = host.engine();
      assertThat(engine.pluginFailures()).isEmpty();
      DeliveryConfig config = Fnord.prepareClouds(engine);

      Reply submitted = host.post("/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(), USER);
      assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
      assertThat(submitted.json().get("created")).hasSize(9);
      assertThat(submitted.json().get("submittedBy").asText()).isEqualTo(USER);
      Fnord.publish(engine, host.scheduler(), config, "1.0.0", 1);

      boolean waitingForJudgement = host.advanceUntil(() -> pendingJudgements(host).size() == 2,
          Duration.ofMinutes(1), Duration.ofHours(4));
      assertThat(waitingForJudgement).as("production waits for judgement: %s", host.get("/application/fnord").text())
          .isTrue();
      for (DeliveryArtifact artifact : config.artifacts()) {
        Reply judged = host.postJson("/application/fnord/environment/production/constraint", Map.of(
            "type", "manual-judgement", "artifactReference", artifact.reference(),
            "artifactVersion", Fnord.version(artifact, "1.0.0", 1), "status", "OVERRIDE_PASS",
            "comment", "looks good"), USER);
        assertThat(judged.status()).as(judged.text()).isEqualTo(200);
        assertThat(judged.json().get("by").asText()).isEqualTo(USER);
      }

      boolean converged = host.advanceUntil(() -> allHappy(engine) && currentEverywhere(host, config, "1.0.0", 1),
          Duration.ofMinutes(1), Duration.ofHours(6));
      assertThat(converged).as("statuses %s, view %s", statuses(engine), host.get("/application/fnord").text())
          .isTrue();

      JsonNode view = host.get("/application/fnord").json();
      assertThat(view.get("resources")).hasSize(9).allSatisfy(r ->
          assertThat(r.get("status").asText()).isEqualTo("HAPPY"));
      assertThat(view.get("environments")).extracting(e -> e.get("name").asText())
          .containsExactlyInAnyOrder("test", "staging", "production");
      JsonNode judgement = artifactIn(view, "production", "fnord").get("versions").get(0).get("constraints");
      assertThat(judgement.toString()).contains("manual-judgement").contains(USER);
      Reply status = host.get("/resources/ec2:cluster:prod:fnord-main/status");
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.json().get("status").asText()).isEqualTo("HAPPY");
      assertThat(host.get("/resources/ec2:cluster:prod:fnord-main").json().get("spec").get("moniker").get("stack")
          .asText()).isEqualTo("main");
      assertThat(host.get("/environments/fnord").json()).hasSize(3);
      assertThat(host.get("/delivery-configs/application/fnord").json().get("document").asText())
          .isEqualTo(Fnord.text());

      // A new build: vetoed in test, while staging is pinned to the build it runs.
      Fnord.publish(engine, host.scheduler(), config, "1.1.0", 2);
      String bad = Fnord.version(config.artifacts().get(0), "1.1.0", 2);
      assertThat(host.advanceUntil(() -> List.of("APPROVED", "DEPLOYING", "CURRENT").contains(
          stateIn(host, "test", "fnord", bad)), Duration.ofMinutes(1), Duration.ofHours(1))).isTrue();
      Reply vetoed = host.postJson("/application/fnord/veto", Map.of("targetEnvironment", "test", "reference", "fnord",
          "version", bad, "comment", "breaks logins"), USER);
      assertThat(vetoed.status()).as(vetoed.text()).isEqualTo(200);
      String good = Fnord.version(config.artifacts().get(0), "1.0.0", 1);
      Reply pinned = host.postJson("/application/fnord/pin", Map.of("targetEnvironment", "staging", "reference",
          "fnord", "version", good, "comment", "hold staging"), USER);
      assertThat(pinned.status()).as(pinned.text()).isEqualTo(200);

      JsonNode after = host.get("/application/fnord").json();
      JsonNode vetoedVersion = versionIn(after, "test", "fnord", bad);
      assertThat(vetoedVersion.get("state").asText()).isEqualTo("VETOED");
      assertThat(vetoedVersion.get("vetoedBy").asText()).isEqualTo(USER);
      assertThat(versionIn(after, "staging", "fnord", good).get("pinned").asBoolean()).isTrue();
      assertThat(artifactIn(after, "test", "fnord").get("desiredVersion").asText()).isEqualTo(good);

      Reply unpinned = host.delete("/application/fnord/pin/staging?reference=fnord", USER);
      assertThat(unpinned.json().get("unpinned").asBoolean()).isTrue();
      Reply unvetoed = host.delete("/application/fnord/veto/test/fnord/" + bad, USER);
      assertThat(unvetoed.json().get("unvetoed").asBoolean()).isTrue();
      assertThat(versionIn(host.get("/application/fnord").json(), "staging", "fnord", good).get("pinned").asBoolean())
          .isFalse();

      // Operations: the health indicator and the meters report the engine.
      Reply health = host.get("/actuator/health");
      JsonNode keel = health.json().get("components").get("keel");
      assertThat(keel.get("status").asText()).isEqualTo("UP");
      assertThat(keel.get("details").get("running").asBoolean()).isTrue();
      assertThat(keel.get("details").get("store").asText()).isEqualTo("reachable");
      assertThat(keel.get("details").get("resources").asInt()).isEqualTo(9);
      assertThat(keel.get("details").get("pluginsFailed").size()).isZero();
      Reply checks = host.get("/actuator/metrics/keel.resource.checks");
      assertThat(checks.status()).as(checks.text()).isEqualTo(200);
      assertThat(checks.json().get("measurements").get(0).get("value").asDouble()).isPositive();
      assertThat(checks.text()).contains("ec2/cluster").contains("titus/cluster").contains("valid");
      assertThat(host.get("/actuator/metrics/keel.resource.actuations").json().get("measurements").get(0).get("value")
          .asDouble()).isPositive();
      long happyNow = engine.resources().stream().filter(r -> engine.status(r.id()) == ResourceStatus.HAPPY).count();
      assertThat(happyNow).isPositive();
      Reply happy = host.get("/actuator/metrics/keel.resources?tag=status:HAPPY");
      assertThat(happy.json().get("measurements").get(0).get("value").asDouble()).isEqualTo((double) happyNow);
      Reply all = host.get("/actuator/metrics/keel.resources");
      assertThat(all.json().get("measurements").get(0).get("value").asDouble()).isEqualTo(9.0);
    }
  }

  private static List<String> pendingJudgements(RunningHost host) {
    Reply view = host.get("/application/fnord");
    if (view.status() != 200) {
      return List.of();
    }
    List<String> pending = new java.util.ArrayList<>();
    for (JsonNode env : view.json().get("environments")) {
      for (JsonNode artifact : env.get("artifacts")) {
        for (JsonNode version : artifact.get("versions")) {
          for (JsonNode c : version.get("constraints")) {
            if (c.get("type").asText().equals("manual-judgement") && c.get("status").asText().equals("PENDING")) {
              pending.add(artifact.get("reference").asText() + "@" + version.get("version").asText());
            }
          }
        }
      }
    }
    return pending;
  }

  private static String stateIn(RunningHost host, String environment, String reference, String version) {
    JsonNode v = versionIn(host.get("/application/fnord").json(), environment, reference, version);
    return v == null ? "" : v.get("state").asText();
  }

  private static boolean allHappy(KeelEngine engine) {
    return engine.resources().size() == 9
        && engine.resources().stream().allMatch(r -> engine.status(r.id()) == ResourceStatus.HAPPY);
  }

  private static Map<String, ResourceStatus> statuses(KeelEngine engine) {
    Map<String, ResourceStatus> out = new HashMap<>();
    engine.resources().forEach(r -> out.put(r.id(), engine.status(r.id())));
    return out;
  }

  private static boolean currentEverywhere(RunningHost host, DeliveryConfig config, String semver, int build) {
    JsonNode view = host.get("/application/fnord").json();
    for (String env : List.of("test", "staging", "production")) {
      for (DeliveryArtifact a : config.artifacts()) {
        JsonNode v = versionIn(view, env, a.reference(), Fnord.version(a, semver, build));
        if (v == null || !v.get("state").asText().equals("CURRENT")) {
          return false;
        }
      }
    }
    return true;
  }

  private static JsonNode artifactIn(JsonNode view, String environment, String reference) {
    for (JsonNode env : view.get("environments")) {
      if (env.get("name").asText().equals(environment)) {
        for (JsonNode artifact : env.get("artifacts")) {
          if (artifact.get("reference").asText().equals(reference)) {
            return artifact;
          }
        }
      }
    }
    throw new AssertionError("no " + reference + " in " + environment + ": " + view);
  }

  private static JsonNode versionIn(JsonNode view, String environment, String reference, String version) {
    for (JsonNode v : artifactIn(view, environment, reference).get("versions")) {
      if (v.get("version").asText().equals(version)) {
        return v;
      }
    }
    return null;
  }
}
