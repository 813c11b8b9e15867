package dev.keel.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The starter's meters measure what the engine's events do not carry: each check's duration by kind and outcome, the
 * latency of claims from the store, and the checks waiting and running.
 */
class KeelMetricsTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final EngineHarness h = EngineHarness.builder().scheduler(scheduler)
      .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).currentLatency(Duration.ofSeconds(2)).build())
          .taskMonitor(cloud)).build();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final KeelMetrics metrics = new KeelMetrics(h.engine(), registry);

  @AfterEach
  void close() {
    metrics.destroy();
    h.close();
  }

  @Test
  void eachChecksDurationIsTimedByKindAndOutcomeOnTheEnginesClockAndClaimsByTheirLatency() {
    metrics.afterSingletonsInstantiated();

    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.advance(Duration.ofMinutes(1));

    var checks = registry.find("keel.resource.check.duration").tag("kind", "fake/thing").timers();
    assertThat(checks).extracting(t -> t.getId().getTag("outcome")).as("outcomes timed").contains("missing", "skipped");
    Timer missing = registry.get("keel.resource.check.duration").tag("kind", "fake/thing").tag("outcome", "missing")
        .timer();
    assertThat(missing.count()).isPositive();
    assertThat(missing.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(2000.0);
    Timer claims = registry.find("keel.store.claim.duration").tag("outcome", "claimed").timer();
    assertThat(claims).isNotNull();
    assertThat(claims.count()).isPositive();
    assertThat(registry.get("keel.checks.waiting").gauge().value()).isZero();
    assertThat(registry.get("keel.checks.in.flight").gauge().value()).isZero();
  }

  @Test
  void closedMetricsTimeNoMoreChecks() {
    metrics.afterSingletonsInstantiated();
    metrics.destroy();

    h.engine().submit(Configs.single("fnord", "test", Configs.thing("web", "fnord", 3)));
    h.advance(Duration.ofMinutes(1));

    assertThat(registry.find("keel.resource.check.duration").timers()).isEmpty();
  }
}
