package dev.keel.titus.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.engine.diff.Differ;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.sim.SimulatedTitus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Keel's Titus bugs, fixed: whatever tags and scaling policies (step with or without actions and dimensions,
 * target tracking on a predefined or custom metric) a cluster declares, the job Titus runs reads back with no
 * diff against desired, so there is never a permanent diff.
 */
class ReadBackPropertyTest {

  private static final Differ DIFFER = Differ.builder().build();

  private static Gen<Map<String, String>> tags() {
    return maps().of(strings().allPossible().ofLengthBetween(1, 6).map(s -> "k" + s.hashCode()),
        strings().basicLatinAlphabet().ofLengthBetween(0, 8)).ofSizeBetween(0, 4);
  }

  private static Gen<StepScalingPolicy> steps() {
    return integers().between(0, 7).zip(integers().between(1, 99), (flags, threshold) -> new StepScalingPolicy(
        (flags & 1) == 0 ? "ChangeInCapacity" : "PercentChangeInCapacity", (flags & 2) == 0 ? null : Boolean.FALSE,
        "GreaterThanThreshold", (flags & 4) == 0 ? null : Map.of("app", "fnord"), 1 + flags, Duration.ofMinutes(1),
        threshold, "CPUUtilization", "NFLX/EPIC", "Average", null, null,
        Set.of(new StepScalingPolicy.StepAdjustment(0.0, null, 1 + flags))));
  }

  private static Gen<TargetTrackingPolicy> targets() {
    return integers().between(1, 99).zip(integers().between(0, 1), (target, custom) -> custom == 0
        ? new TargetTrackingPolicy(target, false, null, null,
            new TargetTrackingPolicy.PredefinedMetric("ASGAverageCPUUtilization", null), null)
        : new TargetTrackingPolicy(target, true, Duration.ofMinutes(2), null, null,
            new TargetTrackingPolicy.CustomMetric("RPS", "NFLX/EPIC", "Average", "Count", Map.of("app", "fnord"))));
  }

  @Test
  void tagsAndScalingPoliciesReadBackWithoutADiff() {
    qt().withFixedSeed(7L).withExamples(200).forAll(tags(), steps(), targets()).check((tags, step, target) -> {
      VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
      SimulatedTitus titus = SimulatedTitus.withDefaults(scheduler.clock());
      TitusClusterSpec spec = TitusFixtures.withTags(TitusFixtures.with(TitusFixtures.cluster("us-east-1"),
          new CapacitySpec(1, 3, null), new ScalingSpec(Set.of(target), Set.of(step))), tags);
      var resource = TitusFixtures.resource(spec);
      TitusClusterHandler handler = new TitusClusterHandler(titus);
      Map<String, TitusServerGroup> desired = handler.desired(resource, null);
      titus.submit(new TaskRequest("fnord", "deploy", "c", List.of(new ServerGroupOperation.CreateServerGroup<>(
          desired.get("us-east-1"), DeployStrategy.RedBlack.DEFAULT, null,
          new DeployWave("us-east-1", null, null, null))), null, null, null));
      scheduler.advance(Duration.ofMinutes(10));

      Map<String, TitusServerGroup> current = handler.current(resource, null);
      assertThat(current.get("us-east-1").tags()).isEqualTo(tags);
      assertThat(current.get("us-east-1").scaling().stepScalingPolicies()).containsExactly(step);
      var diff = DIFFER.diff(desired, current);
      assertThat(diff.hasChanges()).as(diff.render()).isFalse();
      return true;
    });
  }
}
