package dev.keel.resolvers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.FakeModel;
import dev.keel.testkit.VirtualScheduler;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The resolvers loaded from the host classpath as PF4J extensions, configured by plugin config. */
class ResolversInTheEngineTest {

  private static final Map<String, Object> POLICIES = Map.of("policies",
      List.of(Map.of("name", "min-size", "select", Map.of("kind", "fake/thing"), "atLeast", Map.of("path", "/size", "value", 3))));

  private static ResourcePlan plan(EngineConfig config) {
    VirtualScheduler scheduler = new VirtualScheduler(Instant.parse(EngineHarness.DEFAULT_START));
    FakeCloud cloud = new FakeCloud(scheduler);
    try (EngineHarness h = EngineHarness.builder().scheduler(scheduler).config(config)
        .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).build()).taskMonitor(cloud)
            .hostExtensions(true).pluginConfig("host", POLICIES))
        .build()) {
      assertThat(h.engine().pluginFailures()).isEmpty();
      CompletableFuture<dev.keel.engine.plan.Plan> plan =
          h.engine().planAsync(Configs.single("fnord", "test", Configs.thing("web", "fnord", 1)));
      h.runUntilIdle();
      return plan.join().resource("fake:thing:web").orElseThrow();
    }
  }

  @Test
  void aPolicyFromPluginConfigShowsInThePlanAsTheResolverThatChangedTheSpec() {
    ResourcePlan plan = plan(EngineConfig.defaults());

    assertThat(plan.desired()).isEqualTo(new FakeModel(3, "1.0"));
    assertThat(plan.resolvers()).singleElement().satisfies(r -> {
      assertThat(r.resolver()).isEqualTo(PolicyResolver.NAME);
      assertThat(r.changes()).singleElement().satisfies(c -> {
        assertThat(c.path()).isEqualTo("/size");
        assertThat(c.desired()).isEqualTo(3);
      });
    });
  }

  @Test
  void aDisabledResolverDoesNotRun() {
    ResourcePlan plan = plan(EngineConfig.builder().disabledResolvers(Set.of(PolicyResolver.NAME)).build());

    assertThat(plan.desired()).isEqualTo(new FakeModel(1, "1.0"));
    assertThat(plan.resolvers()).isEmpty();
  }
}
