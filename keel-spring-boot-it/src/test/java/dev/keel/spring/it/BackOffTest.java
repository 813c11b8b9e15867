package dev.keel.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.KeelEngine;
import dev.keel.spring.autoconfigure.KeelEngineLifecycle;
import dev.keel.spring.it.RunningHost.Reply;
import org.junit.jupiter.api.Test;

/** The starter's parts back off: for the host's own engine, and each by its property. */
class BackOffTest {

  @Test
  void aHostsOwnEngineIsTheOneUsedAndTheStarterBuildsNone() {
    try (RunningHost host = RunningHost.start(OwnEngineHost.class, "keel.security.allow-anonymous-writes=true")) {
      assertThat(host.context.getBeansOfType(KeelEngine.class)).hasSize(1);
      assertThat(host.engine().config().instanceId()).isEqualTo(OwnEngineHost.INSTANCE);
      assertThat(host.context.getBeansOfType(KeelEngineLifecycle.class)).isEmpty();
      Reply missing = host.get("/application/fnord");
      assertThat(missing.status()).isEqualTo(404);
      Reply health = host.get("/actuator/health");
      assertThat(health.json().get("components").get("keel").get("details").get("instanceId").asText())
          .isEqualTo(OwnEngineHost.INSTANCE);
    }
  }

  @Test
  void theApiHealthAndMetricsEachTurnOffByTheirProperty() {
    try (RunningHost host = RunningHost.start(TestHost.class, "keel.api.enabled=false", "keel.health.enabled=false",
        "keel.metrics.enabled=false")) {
      assertThat(host.context.getBeansOfType(KeelEngine.class)).hasSize(1);
      assertThat(host.get("/application/fnord").status()).isEqualTo(404);
      assertThat(host.get("/application/fnord").text()).doesNotContain("No delivery config");
      assertThat(host.get("/actuator/health").json().get("components").has("keel")).isFalse();
      assertThat(host.get("/actuator/metrics/keel.resources").status()).isEqualTo(404);
    }
  }

  @Test
  void keelEnabledFalseConfiguresNothing() {
    try (RunningHost host = RunningHost.start(TestHost.class, "keel.enabled=false")) {
      assertThat(host.context.getBeansOfType(KeelEngine.class)).isEmpty();
      assertThat(host.get("/actuator/health").json().get("components").has("keel")).isFalse();
    }
  }
}
