package dev.keel.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SiteHandler}'s own decisions, tested the way a plugin author tests a handler: a real engine from
 * keel-testkit's {@link EngineHarness} on virtual time, the handler over its in-memory host, and assertions on
 * the plan, the events and the host.
 */
class SiteHandlerTest {

  private static final String HOSTNAME = "www.fnord.example.com";
  private static final String ID = "static:site:" + HOSTNAME;

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
  private final SiteHost host = new SiteHost(scheduler.clock(), Duration.ofMinutes(3));
  private final EngineHarness harness = EngineHarness.builder()
      .scheduler(scheduler)
      .config(EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10))
          .build())
      .engine(b -> b.handler(new SiteHandler(host)).taskMonitor(host))
      .build();

  @AfterEach
  void close() {
    harness.close();
  }

  private static DeliveryConfig config(String version, int cacheTtlSeconds) {
    return Configs.single("fnord", "production",
        new Resource<>(SiteSpec.KIND, new SiteSpec(HOSTNAME, "fnord", "fnord-site", version, cacheTtlSeconds)));
  }

  private ResourcePlan plan(DeliveryConfig config) {
    harness.runUntilIdle();
    var plan = harness.engine().planAsync(config);
    harness.runUntilIdle();
    return plan.join().resource(ID).orElseThrow();
  }

  private boolean converge() {
    return harness.advanceUntil(() -> harness.status(ID) == ResourceStatus.HAPPY, Duration.ofSeconds(10),
        Duration.ofMinutes(30));
  }

  @Test
  void aChangeOfCacheTtlAloneIsAppliedWithoutRepublishingTheBundle() {
    harness.engine().submit(config("1.0.0", 60));
    assertThat(converge()).isTrue();

    DeliveryConfig longerCache = config("1.0.0", 3600);
    ResourcePlan plan = plan(longerCache);
    assertThat(plan.action()).isEqualTo(PlannedAction.UPDATE);
    assertThat(plan.operations()).extracting(Operation::type).containsExactly("set-cache-ttl");

    harness.engine().submit(longerCache);
    harness.advanceUntil(() -> host.site(HOSTNAME).orElseThrow().cacheTtlSeconds() == 3600, Duration.ofSeconds(10),
        Duration.ofMinutes(5));

    assertThat(host.site(HOSTNAME)).contains(new SiteState("1.0.0", 3600));
    assertThat(harness.events(ID, ResourceEvent.ActuationLaunched.class)).extracting(e -> e.operations().get(0))
        .containsExactly("publish bundle 1.0.0 to www.fnord.example.com (cache 60s)",
            "set the cache time-to-live of www.fnord.example.com to 3600s");
  }

  @Test
  void aNewBundleVersionIsPublished() {
    harness.engine().submit(config("1.0.0", 60));
    assertThat(converge()).isTrue();

    ResourcePlan plan = plan(config("1.1.0", 60));

    assertThat(plan.action()).isEqualTo(PlannedAction.UPDATE);
    assertThat(plan.diff().changes()).extracting(c -> c.path()).containsExactly("/bundle");
    assertThat(plan.operations()).containsExactly(
        new SiteOperation.PublishBundle(HOSTNAME, new SiteState("1.1.0", 60)));
  }

  @Test
  void aSiteChangedByHandIsPutBack() {
    harness.engine().submit(config("1.0.0", 60));
    assertThat(converge()).isTrue();

    host.changeByHand(HOSTNAME, new SiteState("0.9.0", 5));
    harness.advance(Duration.ofMinutes(2));

    assertThat(harness.events(ID, ResourceEvent.DeltaDetected.class)).isNotEmpty();
    assertThat(converge()).isTrue();
    assertThat(host.site(HOSTNAME)).contains(new SiteState("1.0.0", 60));
  }

  @Test
  void aSlowPublishIsLaunchedOnceWhileTheHostIsBusyWithIt() {
    harness.engine().submit(config("1.0.0", 60));
    harness.advance(Duration.ofMinutes(2)); // the publish takes 3 minutes; checks come every minute

    assertThat(host.busy(HOSTNAME)).isTrue();
    assertThat(harness.events(ID, ResourceEvent.ActuationLaunched.class)).hasSize(1);
    assertThat(converge()).isTrue();
    assertThat(harness.events(ID, ResourceEvent.ActuationLaunched.class)).hasSize(1);
  }
}
