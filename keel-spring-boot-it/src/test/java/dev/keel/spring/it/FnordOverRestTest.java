package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.event.ApplicationEvent;
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
 * report the engine. Each write is made by another user, and the store and history show that user.
 */
class FnordOverRestTest {

  private static final String USER = "alice@example.com";
  private static final String JUDGE = "judy@example.com";
  private static final String VETOER = "victor@example.com";
  private static final String PINNER = "pat@example.com";
  private static final String UNPINNER = "uma@example.com";
  private static final String UNVETOER = "ursula@example.com";
  private static final String DELETER = "dora@example.com";

  @Test
  void fnordSubmittedOverHttpConvergesAndIsJudgedPinnedAndVetoedThroughTheApi() {
    try (RunningHost host = RunningHost.start(TestHost.class)) {
      KeelEngine engine = host.engine();
      DeliveryConfig config = FnordView.submitJudgeAndConverge(host, USER, JUDGE);
      assertThat(WhoDidIt.of(engine, "ec2:cluster:prod:fnord-main", ApplicationEvent.ConfigSubmitted.class))
          .containsExactly(USER);

      JsonNode view = host.get("/application/fnord").json();
      assertThat(view.get("resources")).hasSize(9).allSatisfy(r ->
          assertThat(r.get("status").asText()).isEqualTo("HAPPY"));
      assertThat(view.get("environments")).extracting(e -> e.get("name").asText())
          .containsExactlyInAnyOrder("test", "staging", "production");
      JsonNode judgement = FnordView.artifactIn(view, "production", "fnord").get("versions").get(0).get("constraints");
      assertThat(judgement.toString()).contains("manual-judgement");
      assertThat(judgement).filteredOn(c -> c.get("type").asText().equals("manual-judgement"))
          .extracting(c -> c.get("judgedBy").asText()).containsExactly(JUDGE);
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
          FnordView.stateIn(host, "test", "fnord", bad)), Duration.ofMinutes(1), Duration.ofHours(1))).isTrue();
      Reply vetoed = host.postJson("/application/fnord/veto", Map.of("targetEnvironment", "test", "reference", "fnord",
          "version", bad, "comment", "breaks logins"), VETOER);
      assertThat(vetoed.status()).as(vetoed.text()).isEqualTo(200);
      String good = Fnord.version(config.artifacts().get(0), "1.0.0", 1);
      Reply pinned = host.postJson("/application/fnord/pin", Map.of("targetEnvironment", "staging", "reference",
          "fnord", "version", good, "comment", "hold staging"), PINNER);
      assertThat(pinned.status()).as(pinned.text()).isEqualTo(200);
      assertThat(WhoDidIt.rowsOf(host, "pin")).singleElement().asString().contains(PINNER).contains("hold staging");

      JsonNode after = host.get("/application/fnord").json();
      JsonNode vetoedVersion = FnordView.versionIn(after, "test", "fnord", bad);
      assertThat(vetoedVersion.get("state").asText()).isEqualTo("VETOED");
      assertThat(vetoedVersion.get("vetoedBy").asText()).isEqualTo(VETOER);
      assertThat(FnordView.versionIn(after, "staging", "fnord", good).get("pinned").asBoolean()).isTrue();
      assertThat(FnordView.artifactIn(after, "test", "fnord").get("desiredVersion").asText()).isEqualTo(good);

      Reply unpinned = host.delete("/application/fnord/pin/staging?reference=fnord", UNPINNER);
      assertThat(unpinned.json().get("unpinned").asBoolean()).isTrue();
      Reply unvetoed = host.delete("/application/fnord/veto/test/fnord/" + bad, UNVETOER);
      assertThat(unvetoed.json().get("unvetoed").asBoolean()).isTrue();
      assertThat(WhoDidIt.rowsOf(host, "pin")).isEmpty();
      assertThat(WhoDidIt.of(engine, "ec2:cluster:staging:fnord-main", ApplicationEvent.Unpinned.class))
          .containsExactly(UNPINNER);
      assertThat(WhoDidIt.of(engine, "ec2:cluster:test:fnord-main", ApplicationEvent.Unvetoed.class))
          .containsExactly(UNVETOER);
      assertThat(FnordView.versionIn(host.get("/application/fnord").json(), "staging", "fnord", good).get("pinned").asBoolean())
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
      Reply durations = host.get("/actuator/metrics/keel.resource.check.duration");
      assertThat(durations.status()).as(durations.text()).isEqualTo(200);
      assertThat(durations.text()).contains("ec2/cluster").contains("titus/cluster");
      assertThat(host.get("/actuator/metrics/keel.store.claim.duration").status()).isEqualTo(200);
      assertThat(host.get("/actuator/metrics/keel.checks.waiting").status()).isEqualTo(200);
      assertThat(host.get("/actuator/metrics/keel.resource.actuations").json().get("measurements").get(0).get("value")
          .asDouble()).isPositive();
      long happyNow = engine.resources().stream().filter(r -> engine.status(r.id()) == ResourceStatus.HAPPY).count();
      assertThat(happyNow).isPositive();
      Reply happy = host.get("/actuator/metrics/keel.resources?tag=status:HAPPY");
      assertThat(happy.json().get("measurements").get(0).get("value").asDouble()).isEqualTo((double) happyNow);
      Reply all = host.get("/actuator/metrics/keel.resources");
      assertThat(all.json().get("measurements").get(0).get("value").asDouble()).isEqualTo(9.0);

      // Deleting the config stops managing its resources, recorded under who deleted it.
      Reply deleted = host.delete("/delivery-configs/fnord-manifest", DELETER);
      assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
      assertThat(deleted.json().get("deletedBy").asText()).isEqualTo(DELETER);
      assertThat(engine.resources()).isEmpty();
      assertThat(WhoDidIt.rowsOf(host, "delivery_config")).isEmpty();
      assertThat(WhoDidIt.of(engine, "ec2:cluster:prod:fnord-main", ApplicationEvent.ConfigDeleted.class))
          .containsExactly(DELETER);
    }
  }
}
