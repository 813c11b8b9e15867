package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.handler.Ec2ClusterHandler;
import dev.keel.ec2.handler.SecurityGroupHandler;
import dev.keel.ec2.sim.Ec2Simulator;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Export of running resources into specs that leave defaults out and re-converge to nothing. */
class ExportScenarioTest {

  @Test
  void anExportedClusterLeavesDefaultsOutAndKeepsRegionalDifferencesAsOverrides() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      Ec2ClusterSpec base = ClusterScenarioTest.spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1", "us-west-2");
      var spec = base.with(base.defaults(), Map.of("us-west-2", new ServerGroupSpec(null, new CapacitySpec(3, 3, 3), null,
          null, null, null)));
      assertThat(s.converge(ClusterScenarioTest.resource(spec))).isTrue();

      Ec2ClusterSpec exported = new Ec2ClusterHandler(s.cloud).export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test",
          new Moniker("fnord", "main", null), Set.of("us-east-1", "us-west-2"), "me"));

      assertThat(exported.capacity()).isEqualTo(new CapacitySpec(3, 3, 3));
      assertThat(exported.overrides()).containsOnlyKeys("us-east-1");
      assertThat(exported.overrides().get("us-east-1").capacity()).isEqualTo(new CapacitySpec(2, 2, 2));
      assertThat(exported.health()).isNull();
      assertThat(exported.launchConfiguration().iamRole()).isNull();
      assertThat(exported.launchConfiguration().keyPair()).isNull();
      assertThat(exported.locations().subnet()).isNull();
      assertThat(exported.locations().regions()).allSatisfy(r -> assertThat(r.availabilityZones()).isEmpty());
      assertThat(exported.artifactReference()).isEqualTo("fnord");
    }
  }

  @Test
  void anExportedSecurityGroupSpellsTheSelfReferenceAsTheDefault() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var self = new SecurityGroupRule("tcp", new PortRange(7001, 7001), null, null, null, null, null, null);
      var r = new Resource<>(Ec2Kinds.SECURITY_GROUP.kind(), Map.of(Resource.APPLICATION, "fnord"),
          new SecurityGroupSpec(new Moniker("fnord"), ClusterScenarioTest.locations("us-east-1"), "fnord",
              Set.of(self), Map.of()));
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();

      SecurityGroupSpec exported = new SecurityGroupHandler(s.cloud).export(new Exportable(
          Ec2Kinds.SECURITY_GROUP.kind(), "test", new Moniker("fnord"), Set.of("us-east-1"), "me"));

      assertThat(exported.inboundRules()).containsExactly(self);
      assertThat(exported.overrides()).isEmpty();
    }
  }

  @Test
  void exportedLoadBalancersLeaveDefaultsOutAndConvergeToNothing() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var clb = dev.keel.ec2.handler.OtherKindsAccess.classic();
      var alb = dev.keel.ec2.handler.OtherKindsAccess.application();
      assertThat(s.converge(Ec2Scenario.config(clb, alb), Duration.ofHours(1))).isTrue();

      var exportedClb = new dev.keel.ec2.handler.ClassicLoadBalancerHandler(s.cloud).export(new Exportable(
          Ec2Kinds.CLASSIC_LOAD_BALANCER.kind(), "test", clb.spec().moniker(), Set.of("us-east-1"), "me"));
      assertThat(exportedClb.listeners()).isEqualTo(clb.spec().listeners());
      assertThat(exportedClb.locations().subnet()).isNull();
      var exportedAlb = new dev.keel.ec2.handler.ApplicationLoadBalancerHandler(s.cloud).export(new Exportable(
          Ec2Kinds.APPLICATION_LOAD_BALANCER.kind(), "test", alb.spec().moniker(), Set.of("us-east-1"), "me"));
      assertThat(exportedAlb.targetGroups()).isEqualTo(alb.spec().targetGroups());

      var reexported = new Resource<>(Ec2Kinds.APPLICATION_LOAD_BALANCER.kind(), Map.of(Resource.APPLICATION, "fnord"),
          exportedAlb);
      assertThat(s.plan(reexported).action()).isEqualTo(dev.keel.engine.plan.PlannedAction.NONE);
    }
  }

  private static Map<String, Object> group(String region, int instances) {
    return Map.of("account", "test", "region", region, "cluster", "fnord-main", "appVersion", "fnord-1.0.0-h1.abc",
        "capacity", Map.of("min", instances, "max", instances, "desired", instances));
  }

  @Test
  void aSeededClusterIsExportedFromEveryRegionOfItsAccountWhenNoneIsNamedAndConvergesToNothing() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      new Ec2Simulator(s.cloud).seed(Map.of("serverGroups", List.of(group("us-east-1", 2), group("us-west-2", 3))));

      Ec2ClusterSpec exported = new Ec2ClusterHandler(s.cloud).export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test",
          new Moniker("fnord", "main", null), Set.of(), "me"));

      assertThat(exported.locations().regionNames()).containsExactly("us-east-1", "us-west-2");
      assertThat(exported.capacity()).isEqualTo(new CapacitySpec(3, 3, 3));
      assertThat(exported.artifactReference()).isEqualTo("fnord");
      s.artifacts.approve("test", "fnord", "fnord-1.0.0-h1.abc");
      assertThat(s.plan(ClusterScenarioTest.resource(exported)).action())
          .isEqualTo(dev.keel.engine.plan.PlannedAction.NONE);
    }
  }

  @Test
  void anExportNamingNoRegionsSaysItLookedInEveryRegionOfTheAccount() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      assertThatThrownBy(() -> new Ec2ClusterHandler(s.cloud).export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test",
          new Moniker("fnord", "main", null), Set.of(), "me"))).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("No active server group of cluster fnord-main in any region of test [eu-west-1, us-east-1,"
              + " us-west-1, us-west-2]: nothing to export");
      assertThatThrownBy(() -> new SecurityGroupHandler(s.cloud).export(new Exportable(
          Ec2Kinds.SECURITY_GROUP.kind(), "nobody", new Moniker("fnord"), Set.of(), "me")))
          .hasMessage("No security group fnord in account nobody, which has no regions (is the account known?):"
              + " nothing to export");
    }
  }

  @Test
  void securityGroupsAndLoadBalancersAreExportedFromEveryRegionWhenNoneIsNamed() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      new Ec2Simulator(s.cloud).seed(Map.of("securityGroups", List.of(Map.of("name", "fnord", "account", "test",
          "regions", List.of("us-east-1", "eu-west-1"), "inboundRules", List.of(Map.of("protocol", "tcp"))))));
      var alb = dev.keel.ec2.handler.OtherKindsAccess.application();
      assertThat(s.converge(Ec2Scenario.config(alb), Duration.ofHours(1))).isTrue();

      SecurityGroupSpec group = new SecurityGroupHandler(s.cloud).export(new Exportable(Ec2Kinds.SECURITY_GROUP.kind(),
          "test", new Moniker("fnord"), Set.of(), "me"));
      var exportedAlb = new dev.keel.ec2.handler.ApplicationLoadBalancerHandler(s.cloud).export(new Exportable(
          Ec2Kinds.APPLICATION_LOAD_BALANCER.kind(), "test", alb.spec().moniker(), Set.of(), "me"));

      assertThat(group.locations().regionNames()).containsExactly("eu-west-1", "us-east-1");
      assertThat(exportedAlb.locations().regionNames()).isEqualTo(alb.spec().locations().regionNames());
    }
  }
}
