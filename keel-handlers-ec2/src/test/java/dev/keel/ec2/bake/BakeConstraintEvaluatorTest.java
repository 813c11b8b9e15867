package dev.keel.ec2.bake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.ConstraintOutcome;
import dev.keel.spi.PromotionContext;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.VirtualMachineOptions;
import dev.keel.testkit.VirtualScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The implicit bake constraint's outcomes for artifacts that are not baked, and on cloud read errors. */
class BakeConstraintEvaluatorTest {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
  private final BakeConstraintEvaluator evaluator = new BakeConstraintEvaluator(new Bakery(cloud, "test", 3, e -> { }));

  @AfterEach
  void close() {
    scheduler.close();
  }

  private PromotionContext context(DeliveryArtifact artifact, Map<String, String> previous) {
    Clock clock = scheduler.clock();
    DeliveryConfig config = new DeliveryConfig("fnord", null, null, List.of(artifact), List.of());
    Environment env = new Environment("test", List.of(), List.of(), List.of(), List.of(), null, List.of());
    return new PromotionContext() {
      public DeliveryConfig deliveryConfig() {
        return config;
      }

      public Environment environment() {
        return env;
      }

      public DeliveryArtifact artifact() {
        return artifact;
      }

      public String version() {
        return "1.0.0";
      }

      public Clock clock() {
        return clock;
      }

      public ArtifactView artifacts() {
        return ArtifactView.empty();
      }

      public Instant firstEvaluatedAt() {
        return clock.instant();
      }

      public Map<String, String> previousAttributes() {
        return previous;
      }
    };
  }

  @Test
  void theBakeConstraintIsImplicitStatefulAndPassesArtifactsThatAreNotBaked() {
    assertThat(evaluator.implicit()).isTrue();
    assertThat(evaluator.stateful()).isTrue();
    assertThat(evaluator.implicitInstance().type()).isEqualTo("bake");
    DebianArtifact plain = new DebianArtifact("fnord", "fnord", null, Set.of(), null);
    assertThat(evaluator.evaluate(new BakeConstraint(), context(plain, Map.of())).result())
        .isEqualTo(ConstraintOutcome.Result.PASS);
    assertThat(cloud.submitted()).isEmpty();
  }

  @Test
  void aCloudReadErrorKeepsTheConstraintPendingWithItsPreviousAttributes() {
    DebianArtifact baked = new DebianArtifact("fnord", "fnord", new VirtualMachineOptions("bionic", null,
        Set.of("us-east-1"), null, false), Set.of(), null);
    cloud.failNextReads(1);

    ConstraintOutcome outcome = evaluator.evaluate(new BakeConstraint(),
        context(baked, Map.of("status", "BAKING")));

    assertThat(outcome.result()).isEqualTo(ConstraintOutcome.Result.PENDING);
    assertThat(outcome.message()).contains("Could not read the images of fnord-1.0.0").contains("503");
    assertThat(outcome.attributes()).containsEntry("status", "BAKING");
    assertThat(evaluator.evaluate(new BakeConstraint(), context(baked, Map.of())).attributes())
        .containsEntry("status", "BAKING").containsEntry("region.us-east-1", "baking");
  }
}
