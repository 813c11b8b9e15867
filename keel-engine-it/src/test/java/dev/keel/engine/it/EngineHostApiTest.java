package dev.keel.engine.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.engine.Convergence;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.plan.Plan;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.testkit.Configs;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.FakeCloud;
import dev.keel.testkit.FakeHandler;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a host asks of the engine: whether a delivery converged, a blocking plan, publishing versions. */
class EngineHostApiTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(java.time.Instant.parse(EngineHarness.DEFAULT_START));
  private final FakeCloud cloud = new FakeCloud(scheduler);
  private final EngineHarness h = EngineHarness.builder().scheduler(scheduler)
      .config(EngineConfig.builder().checkInterval(Duration.ofMinutes(1)).taskPollInterval(Duration.ofSeconds(10)).build())
      .engine(b -> b.handler(FakeHandler.builder(cloud, scheduler).build()).taskMonitor(cloud)).build();

  @AfterEach
  void close() {
    h.close();
  }

  private static DeliveryConfig packaged() {
    return new DeliveryConfig("fnord", null, null, List.of(new DebianArtifact("fnord-pkg", "pkg", null, Set.of(), null)),
        List.of(new Environment("test", List.of(Configs.deploying("fnord-test", "fnord", "pkg")), List.of(), List.of(),
            List.of(), null)));
  }

  @Test
  void convergenceIsPublicAndNamesWhatBlocksIt() {
    h.engine().submit(Configs.single("fnord", "test", Configs.thing("t1", "fnord", 2)));
    h.runUntilIdle();

    Convergence before = h.engine().convergence("fnord");
    assertThat(before.converged()).isFalse();
    assertThat(before.blockers()).singleElement().asString().startsWith("fake:thing:t1 is ");

    assertThat(h.advanceUntil(() -> h.engine().converged("fnord"), Duration.ofMinutes(1), Duration.ofHours(1))).isTrue();
    assertThat(h.engine().convergence("fnord").blockers()).isEmpty();
    assertThat(h.engine().convergence("nobody").blockers()).containsExactly("no delivery config for nobody");
  }

  @Test
  @Timeout(60) // guards the build only: before the fix, plan() waited forever for virtual time to move
  void theBlockingPlanReturnsOnVirtualTime() {
    DeliveryConfig config = Configs.single("fnord", "test", Configs.thing("t1", "fnord", 2));

    Plan plan = h.engine().plan(config);

    assertThat(plan.resource("fake:thing:t1").orElseThrow().action()).isEqualTo(PlannedAction.CREATE);
  }

  @Test
  void publishingByTheArtifactReferenceIsAnErrorThatSuggestsTheName() {
    h.engine().submit(packaged());

    assertThatThrownBy(() -> h.engine().promotions().publish(new ArtifactVersion("deb", "pkg", "pkg-1.0.0", h.now(),
        "main", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pkg'").hasMessageContaining("reference").hasMessageContaining("'fnord-pkg'");
    assertThat(h.engine().promotions().publish(new ArtifactVersion("deb", "fnord-pkg", "fnord-pkg-1.0.0", h.now(),
        "main", Map.of()))).containsExactly(packaged().name());
  }

  @Test
  void aDebianVersionWithoutItsPackageNameIsRejected() {
    h.engine().submit(packaged());

    assertThatThrownBy(() -> h.engine().promotions().publish(new ArtifactVersion("deb", "fnord-pkg", "1.0.0-h1.abc",
        h.now(), "main", Map.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not start with its package name")
        .hasMessageContaining("'fnord-pkg-1.0.0-h1.abc'");
  }
}
