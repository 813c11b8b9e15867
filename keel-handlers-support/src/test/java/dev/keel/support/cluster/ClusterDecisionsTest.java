package dev.keel.support.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterDecisionsTest {

  private static final ClusterProperties P = ClusterProperties.STANDARD;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static ServerGroupFacts group(String name, int minutes, boolean enabled, String version, boolean healthy,
      boolean matches) {
    return new ServerGroupFacts(name, T0.plusSeconds(60L * minutes), enabled, version, healthy, matches);
  }

  private static RegionDecision decide(Set<String> changed, ServerGroupFacts... groups) {
    return ClusterDecisions.decide(new RegionFacts("us-east-1", changed, List.of(groups), "1.2"), P);
  }

  private final ServerGroupFacts active = group("app-v001", 1, true, "1.1", true, false);

  @Test
  void noChangeMeansNoAction() {
    assertThat(decide(Set.of(), active)).isEqualTo(new RegionDecision.NoChange("us-east-1"));
  }

  @Test
  void capacityOnlyResizesTheActiveGroup() {
    assertThat(decide(Set.of("capacity"), active)).isEqualTo(new RegionDecision.Resize("us-east-1", "app-v001"));
  }

  @Test
  void scalingOnlyModifiesPolicies() {
    assertThat(decide(Set.of("scaling"), active)).isEqualTo(new RegionDecision.ModifyScaling("us-east-1", "app-v001"));
  }

  @Test
  void capacityAndScalingResizeThenModifyPolicies() {
    assertThat(decide(Set.of("capacity", "scaling"), active))
        .isEqualTo(new RegionDecision.ResizeThenModifyScaling("us-east-1", "app-v001"));
  }

  @Test
  void severalEnabledDisablesTheOldestWithTheWrongVersion() {
    var right = group("app-v000", 0, true, "1.2", true, false);
    var wrong = group("app-v001", 1, true, "1.1", true, false);
    var newest = group("app-v002", 2, true, "1.2", true, true);
    assertThat(decide(Set.of("onlyEnabledServerGroup"), right, wrong, newest))
        .isEqualTo(new RegionDecision.Disable("us-east-1", "app-v001"));
  }

  @Test
  void severalEnabledWithRightVersionsDisablesTheOldest() {
    var a = group("app-v000", 0, true, "1.2", true, false);
    var b = group("app-v001", 1, true, "1.2", true, true);
    assertThat(decide(Set.of("onlyEnabledServerGroup"), a, b)).isEqualTo(new RegionDecision.Disable("us-east-1", "app-v000"));
  }

  @Test
  void severalEnabledWithAnUnhealthyNewestWaits() {
    var a = group("app-v000", 0, true, "1.1", true, false);
    var b = group("app-v001", 1, true, "1.2", false, true);
    RegionDecision d = decide(Set.of("onlyEnabledServerGroup"), a, b);
    assertThat(d).isInstanceOf(RegionDecision.Wait.class);
    assertThat(ClusterDecisions.blocking(List.of(d))).isPresent();
  }

  @Test
  void aMatchingOlderGroupIsRolledBackTo() {
    var old = group("app-v000", 0, false, "1.2", true, true);
    assertThat(decide(Set.of("launchConfiguration"), old, active))
        .isEqualTo(new RegionDecision.Rollback("us-east-1", "app-v000", "app-v001"));
  }

  @Test
  void anythingElseDeploysCloningTheActiveGroup() {
    assertThat(decide(Set.of("launchConfiguration", "capacity"), active))
        .isEqualTo(new RegionDecision.Deploy("us-east-1", "app-v001"));
  }

  @Test
  void aRegionWithoutServerGroupsIsAFirstDeploy() {
    assertThat(decide(Set.of("capacity"))).isEqualTo(new RegionDecision.Deploy("us-east-1", null));
  }
}
