package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.handler.ClusterHandler;
import dev.keel.ec2.handler.SecurityGroupHandler;
import dev.keel.ec2.spec.CapacitySpec;
import dev.keel.ec2.spec.ClusterSpec;
import dev.keel.ec2.spec.Ec2Kinds;
import dev.keel.ec2.spec.PortRange;
import dev.keel.ec2.spec.SecurityGroupRule;
import dev.keel.ec2.spec.SecurityGroupSpec;
import dev.keel.ec2.spec.ServerGroupSpec;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Export of running resources into specs that leave defaults out and re-converge to nothing. */
class ExportScenarioTest {

  @Test
  void anExportedClusterLeavesDefaultsOutAndKeepsRegionalDifferencesAsOverrides() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      ClusterSpec base = ClusterScenarioTest.spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1", "us-west-2");
      var spec = base.with(base.defaults(), Map.of("us-west-2", new ServerGroupSpec(null, new CapacitySpec(3, 3, 3), null,
          null, null, null)));
      assertThat(s.converge(ClusterScenarioTest.resource(spec))).isTrue();

      ClusterSpec exported = new ClusterHandler(s.cloud).export(new Exportable(Ec2Kinds.CLUSTER.kind(), "test",
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
}
