package dev.keel.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.diff.ClusterModel.AutoScalingCapacity;
import dev.keel.engine.diff.ClusterModel.DefaultCapacity;
import dev.keel.engine.diff.ClusterModel.Scaling;
import dev.keel.engine.diff.ClusterModel.ServerGroup;
import dev.keel.engine.diff.ClusterModel.TargetTrackingPolicy;
import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import dev.keel.spi.diff.ResourceDiff;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The cases that went wrong in Keel (diff-design §1.5), as examples. */
class KeelCasesTest {

  private final Differ differ = Differ.builder().objectMapper(ClusterModel.MAPPER).build();

  private static Map<String, ServerGroup> with(Map<String, ServerGroup> cluster, String region, ServerGroup sg) {
    Map<String, ServerGroup> out = new TreeMap<>(cluster);
    out.put(region, sg);
    return out;
  }

  private static ServerGroup withScaling(ServerGroup s, Scaling scaling) {
    return new ServerGroup(s.name(), s.location(), s.launchConfiguration(), s.capacity(), s.dependencies(),
        s.health(), scaling, s.tags(), s.metadata(), s.listeners(), s.userData());
  }

  @Test
  void aCapacityOnlyChangeIsExactlyOneChangeUnderCapacity() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    Map<String, ServerGroup> current = ClusterModel.roundTrip(desired);
    current.put("us-west-2", ClusterGen.withCapacity(current.get("us-west-2"), new DefaultCapacity(1, 6, 6)));

    ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(desired, current);

    assertThat(diff.changes()).hasSize(1);
    Change change = diff.changes().get(0);
    assertThat(change.op()).isEqualTo(ChangeOp.REPLACE);
    assertThat(change.path()).isEqualTo("/us-west-2/capacity/desired");
    assertThat(change.desired()).isEqualTo(4);
    assertThat(change.current()).isEqualTo(6);
    assertThat(diff.onlyUnder("/*/capacity")).isTrue();
    assertThat(diff.onlyUnder("/*/scaling")).isFalse();
    assertThat(diff.anyUnder("/us-west-2/**")).isTrue();
    assertThat(diff.affectedTopLevelProperties()).containsExactly("us-west-2");
  }

  @Test
  void aReorderedSetIsNoChange() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    ServerGroup sg = desired.get("us-east-1");
    List<TargetTrackingPolicy> policies = List.copyOf(sg.scaling().targetTrackingPolicies());
    Set<TargetTrackingPolicy> reversed = new LinkedHashSet<>(List.of(policies.get(1), policies.get(0)));
    Map<String, ServerGroup> current = with(desired, "us-east-1",
        withScaling(sg, new Scaling(reversed, sg.scaling().stepPolicies())));

    assertThat(differ.diff(desired, current).changes()).isEmpty();
    assertThat(differ.diff(desired, ClusterModel.roundTrip(desired)).changes()).isEmpty();
  }

  @Test
  void aFieldExcludedInsideASetElementIsNoChange() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    ServerGroup sg = desired.get("us-east-1");
    Set<TargetTrackingPolicy> renamed = new LinkedHashSet<>();
    sg.scaling().targetTrackingPolicies().forEach(p ->
        renamed.add(new TargetTrackingPolicy("renamed-" + p.name(), p.metric(), p.targetValue(), p.warmup())));
    Map<String, ServerGroup> current = with(desired, "us-east-1",
        withScaling(sg, new Scaling(renamed, sg.scaling().stepPolicies())));

    assertThat(differ.diff(desired, current).changes()).isEmpty();
  }

  @Test
  void aChangeInsideAKeyedElementIsReportedUnderItsKeySelector() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    ServerGroup sg = desired.get("us-west-2");
    Set<TargetTrackingPolicy> changed = new LinkedHashSet<>();
    sg.scaling().targetTrackingPolicies().forEach(p -> changed.add(p.metric().equals("CPUUtilization")
        ? new TargetTrackingPolicy(p.name(), p.metric(), 75.0, p.warmup()) : p));
    Map<String, ServerGroup> current = with(desired, "us-west-2",
        withScaling(sg, new Scaling(changed, sg.scaling().stepPolicies())));

    ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(desired, current);

    assertThat(diff.changes()).extracting(Change::path)
        .containsExactly("/us-west-2/scaling/targetTrackingPolicies/[metric=CPUUtilization]/targetValue");
    assertThat(diff.changes().get(0).segments()).containsExactly("us-west-2", "scaling", "targetTrackingPolicies",
        "[metric=CPUUtilization]", "targetValue");
  }

  @Test
  void integerOneAgainstLongTwoIsAChangeAndIntegerTwoAgainstLongTwoIsNot() {
    assertThat(differ.diff(Map.<String, Object>of("n", 1), Map.<String, Object>of("n", 2L)).changes())
        .extracting(Change::path, Change::op).containsExactly(org.assertj.core.groups.Tuple.tuple("/n", ChangeOp.REPLACE));
    assertThat(differ.diff(Map.<String, Object>of("n", 2), Map.<String, Object>of("n", 2L)).hasChanges()).isFalse();
    assertThat(differ.diff(Map.<String, Object>of("n", 2), Map.<String, Object>of("n", 2.0)).hasChanges()).isFalse();
    assertThat(differ.diff(Map.<String, Object>of("n", new java.math.BigDecimal("2.00")),
        Map.<String, Object>of("n", 2L)).hasChanges()).isFalse();
    assertThat(differ.diff(Map.<String, Object>of("n", 2.5), Map.<String, Object>of("n", 2L)).hasChanges()).isTrue();
  }

  @Test
  void dateTimesCompareByTheInstantTheyDenote() {
    java.time.OffsetDateTime utc = java.time.OffsetDateTime.parse("2026-01-01T10:00:00Z");
    java.time.OffsetDateTime paris = java.time.OffsetDateTime.parse("2026-01-01T11:00:00+01:00");
    assertThat(differ.diff(Map.of("t", utc), Map.of("t", paris)).hasChanges()).isFalse();
    assertThat(differ.diff(Map.of("t", utc), Map.of("t", paris.plusSeconds(1))).hasChanges()).isTrue();
  }

  @Test
  void oneDifferGivesTheSameAnswersFromManyThreadsWhileItCompilesPlans() {
    Differ fresh = Differ.builder().objectMapper(ClusterModel.MAPPER).build();
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    Map<String, ServerGroup> current = ClusterModel.roundTrip(desired);
    current.put("us-west-2", ClusterGen.withCapacity(current.get("us-west-2"), new DefaultCapacity(1, 6, 6)));
    List<String> answers = java.util.stream.IntStream.range(0, 400).parallel()
        .mapToObj(i -> fresh.diff(desired, current).fingerprint()).distinct().toList();
    assertThat(answers).containsExactly(differ.diff(desired, current).fingerprint());
  }

  @Test
  void durationsInDifferentUnitsAreEqual() {
    assertThat(differ.diff(Map.of("d", Duration.ofSeconds(600)), Map.of("d", Duration.ofMinutes(10))).hasChanges())
        .isFalse();
  }

  @Test
  void aSubtypeSwapWithEqualSharedFieldsIsATypeChange() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    Map<String, ServerGroup> current = with(desired, "eu-west-1",
        ClusterGen.withCapacity(desired.get("eu-west-1"), new AutoScalingCapacity(1, 6, 4)));

    ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(desired, current);

    assertThat(diff.changes()).extracting(Change::path, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/eu-west-1/capacity", ChangeOp.TYPE_CHANGED));
    assertThat(diff.render()).contains("TYPE_CHANGED /eu-west-1/capacity: AutoScalingCapacity");
  }

  @Test
  void aRegionPresentOnlyInCurrentIsReportedAndHasItsOwnDiff() {
    Map<String, ServerGroup> desired = ClusterModel.cluster(8);
    Map<String, ServerGroup> current = new HashMap<>(desired);
    current.put("ap-south-1", ClusterModel.serverGroup("ap-south-1", 8));

    ResourceDiff<Map<String, ServerGroup>> diff = differ.diff(desired, current);

    assertThat(diff.changes()).extracting(Change::path, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/ap-south-1", ChangeOp.REMOVE));
    assertThat(diff.byTopLevelKey()).containsOnlyKeys("ap-south-1");
    ResourceDiff<?> region = diff.byTopLevelKey().get("ap-south-1");
    assertThat(region.desired()).isNull();
    assertThat(region.current()).isEqualTo(current.get("ap-south-1"));
    assertThat(region.changes()).extracting(Change::path, Change::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("", ChangeOp.REMOVE));
  }

  @Test
  void anEmptyMapAgainstAnotherMapImplementationIsNoChange() {
    // Keel #416: emptyMap() vs LinkedHashMap was reported as drift.
    assertThat(differ.diff(Map.of("tags", Map.of()), Map.of("tags", new java.util.LinkedHashMap<>())).hasChanges())
        .isFalse();
    assertThat(differ.diff(Map.of("tags", Map.of()), new HashMap<String, Object>()).hasChanges()).isFalse();
  }
}
