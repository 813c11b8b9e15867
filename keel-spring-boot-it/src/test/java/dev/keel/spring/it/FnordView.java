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

/** Reads fnord's delivery as Keel's REST API shows it ({@code GET /application/fnord}). */
final class FnordView {

  private FnordView() {}

  /**
   * Submits fnord.yml over HTTP as {@code user}, publishes the first build of its artifacts, judges production's
   * manual judgements through the API once they are pending, and moves virtual time on until all nine resources are
   * HAPPY and the build is CURRENT in every environment.
   */
  static DeliveryConfig submitJudgeAndConverge(RunningHost host, String user) {
    return submitJudgeAndConverge(host, user, user);
  }

  /** As {@link #submitJudgeAndConverge(RunningHost, String)}, with one user submitting and another judging. */
  static DeliveryConfig submitJudgeAndConverge(RunningHost host, String user, String judge) {
    KeelEngine engine = host.engine();
    assertThat(engine.pluginFailures()).isEmpty();
    DeliveryConfig config = Fnord.prepareClouds(engine);

    Reply submitted = host.post("/delivery-configs?source=fnord.yml", "application/x-yaml", Fnord.text(), user);
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    assertThat(submitted.json().get("created")).hasSize(9);
    assertThat(submitted.json().get("submittedBy").asText()).isEqualTo(user);
    Fnord.publish(engine, host.scheduler(), config, "1.0.0", 1);

    boolean waitingForJudgement = host.advanceUntil(() -> pendingJudgements(host).size() == 2,
        Duration.ofMinutes(1), Duration.ofHours(4));
    assertThat(waitingForJudgement).as("production waits for judgement: %s", host.get("/application/fnord").text())
        .isTrue();
    for (DeliveryArtifact artifact : config.artifacts()) {
      Reply judged = host.postJson("/application/fnord/environment/production/constraint", Map.of(
          "type", "manual-judgement", "artifactReference", artifact.reference(),
          "artifactVersion", Fnord.version(artifact, "1.0.0", 1), "status", "OVERRIDE_PASS",
          "comment", "looks good"), judge);
      assertThat(judged.status()).as(judged.text()).isEqualTo(200);
      assertThat(judged.json().get("by").asText()).isEqualTo(judge);
    }

    boolean converged = host.advanceUntil(() -> allHappy(engine) && currentEverywhere(host, config, "1.0.0", 1),
        Duration.ofMinutes(1), Duration.ofHours(6));
    assertThat(converged).as("statuses %s, view %s", statuses(engine), host.get("/application/fnord").text())
        .isTrue();
    return config;
  }

  static List<String> pendingJudgements(RunningHost host) {
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

  static String stateIn(RunningHost host, String environment, String reference, String version) {
    JsonNode v = versionIn(host.get("/application/fnord").json(), environment, reference, version);
    return v == null ? "" : v.get("state").asText();
  }

  static boolean allHappy(KeelEngine engine) {
    return engine.resources().size() == 9
        && engine.resources().stream().allMatch(r -> engine.status(r.id()) == ResourceStatus.HAPPY);
  }

  static Map<String, ResourceStatus> statuses(KeelEngine engine) {
    Map<String, ResourceStatus> out = new HashMap<>();
    engine.resources().forEach(r -> out.put(r.id(), engine.status(r.id())));
    return out;
  }

  static boolean currentEverywhere(RunningHost host, DeliveryConfig config, String semver, int build) {
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

  static JsonNode artifactIn(JsonNode view, String environment, String reference) {
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

  static JsonNode versionIn(JsonNode view, String environment, String reference, String version) {
    for (JsonNode v : artifactIn(view, environment, reference).get("versions")) {
      if (v.get("version").asText().equals(version)) {
        return v;
      }
    }
    return null;
  }
}
