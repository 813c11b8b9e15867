package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Read lag, failures, the in-progress gate, images from the artifact view, dependencies, security groups. */
class Ec2BehaviourScenarioTest {

  private static Resource<Ec2ClusterSpec> cluster(String ami) {
    return ClusterScenarioTest.resource(ClusterScenarioTest.spec(ami, new CapacitySpec(2, 2, 2), "us-east-1"));
  }

  private static long creates(Ec2Scenario s) {
    return s.submittedOperations().stream().filter(ServerGroupOperation.CreateServerGroup.class::isInstance).count();
  }

  @Test
  void readLagAfterADeployDoesNotCauseADuplicateDeploy() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      s.cloud.readLag(Duration.ofMinutes(5));
      assertThat(s.converge(Ec2Scenario.config(cluster("ami-1")), Duration.ofHours(1))).isTrue();
      assertThat(s.converge(Ec2Scenario.config(cluster("ami-2")), Duration.ofHours(1))).isTrue();
      s.harness.advance(Duration.ofMinutes(30));

      assertThat(creates(s)).isEqualTo(2);
      assertThat(s.cloud.truth("test", "us-east-1", "fnord-main")).extracting(Ec2ServerGroupState::name)
          .containsExactly("fnord-main-v000", "fnord-main-v001");
    }
  }

  @Test
  void aFailedDeployIsRetriedUnderTheGiveUpPolicyAndConverges() {
    try (Ec2Scenario s = new Ec2Scenario(new GiveUpPolicy(1, Duration.ofMinutes(10), 3))) {
      s.cloud.failNextStage("createServerGroup", "AMI ami-1 is not launchable (simulated)");
      var r = cluster("ami-1");
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(2))).isTrue();

      List<TaskExecution> tasks = s.cloud.tasks();
      assertThat(tasks).extracting(TaskExecution::state)
          .containsExactly(TaskExecution.State.TERMINAL, TaskExecution.State.SUCCEEDED);
      assertThat(tasks.get(0).failure()).contains("not launchable");
      assertThat(Duration.between(tasks.get(0).endedAt(), tasks.get(1).submittedAt()))
          .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
      assertThat(s.harness.events(r.id(), ResourceEvent.TaskFailed.class)).hasSize(1);
    }
  }

  @Test
  void aDeployThatKeepsFailingIsGivenUpAfterTheMaximumActions() {
    try (Ec2Scenario s = new Ec2Scenario(new GiveUpPolicy(1, Duration.ofMinutes(5), 2))) {
      s.cloud.failNextStages("createServerGroup", "InsufficientInstanceCapacity (simulated)", 10);
      var r = cluster("ami-1");
      s.harness.engine().submit(Ec2Scenario.config(r));
      s.harness.advance(Duration.ofHours(3));

      assertThat(creates(s)).isEqualTo(2);
      assertThat(s.cloud.tasks()).extracting(TaskExecution::state).containsOnly(TaskExecution.State.TERMINAL);
      assertThat(s.harness.status(r.id())).isEqualTo(ResourceStatus.UNHAPPY);
    }
  }

  @Test
  void noCheckActsWhileARegionalTaskRuns() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      s.cloud.bootTime(Duration.ofMinutes(20));
      var r = cluster("ami-1");
      s.harness.engine().submit(Ec2Scenario.config(r));
      s.harness.advance(Duration.ofMinutes(15));

      assertThat(s.cloud.isRunning(r.id() + ":us-east-1")).isTrue();
      assertThat(s.cloud.submitted()).hasSize(1);
      assertThat(s.harness.status(r.id())).isNotEqualTo(ResourceStatus.HAPPY);
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();
      assertThat(s.cloud.submitted()).hasSize(1);
    }
  }

  @Test
  void theImageIsTheAmiOfTheApprovedVersionAndUnresolvableUntilItExists() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var spec = new Ec2ClusterSpec(new Moniker("fnord", "main", null), "fnord", null, null, null,
          ClusterScenarioTest.locations("us-east-1", "us-west-2"), new LaunchConfigurationSpec(null, "m5.large", null,
          null, null, null, null, null), new CapacitySpec(1, 1, 1), null, null, null, null, Map.of());
      var r = new Resource<>(Ec2Kinds.CLUSTER.kind(), Map.of(Resource.APPLICATION, "fnord"), spec);

      assertThat(s.plan(r).action()).isEqualTo(PlannedAction.WAIT);
      s.artifacts.approve("test", "fnord", "fnord-1.2.3-h4.abc");
      assertThat(s.plan(r).message()).contains("No image of fnord-1.2.3-h4.abc");

      s.cloud.catalog().image(new Catalog.Image("fnord-1.2.3-h4.abc-bionic", "fnord-1.2.3-h4.abc", "bionicbase",
          Map.of("us-east-1", "ami-east", "us-west-2", "ami-west"), Instant.parse("2026-01-01T00:00:00Z")));
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();
      assertThat(s.cloud.truth("test", "us-west-2", "fnord-main").get(0).model().launchConfiguration().imageId())
          .isEqualTo("ami-west");
      assertThat(s.cloud.truth("test", "us-east-1", "fnord-main").get(0).model().launchConfiguration().keyPair())
          .isEqualTo("nf-keypair-us-east-1");
      assertThat(s.cloud.truth("test", "us-east-1", "fnord-main").get(0).model().location().availabilityZones())
          .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
    }
  }

  @Test
  void aClusterWaitsForItsSecurityGroupThenConverges() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var spec = ClusterScenarioTest.spec("ami-1", new CapacitySpec(1, 1, 1), "us-east-1");
      var needsGroup = ClusterScenarioTest.resource(spec.with(new dev.keel.ec2.api.spec.ServerGroupSpec(
          spec.launchConfiguration(), spec.capacity(), new ClusterDependencies(null, Set.of("fnord"), null), null, null,
          null), Map.of()));
      s.harness.engine().submit(Ec2Scenario.config(needsGroup));
      s.harness.advance(Duration.ofMinutes(5));
      assertThat(s.harness.status(needsGroup.id())).isEqualTo(ResourceStatus.MISSING_DEPENDENCY);
      assertThat(s.cloud.submitted()).isEmpty();

      var group = new Resource<>(Ec2Kinds.SECURITY_GROUP.kind(), Map.of(Resource.APPLICATION, "fnord"),
          new SecurityGroupSpec(new Moniker("fnord"), ClusterScenarioTest.locations("us-east-1"), "fnord", Set.of(),
              Map.of()));
      assertThat(s.converge(Ec2Scenario.config(needsGroup, group), Duration.ofHours(1))).isTrue();
    }
  }

  @Test
  void aSecurityGroupIsCreatedWithoutItsSelfReferenceThenUpdatedToAddIt() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var self = new SecurityGroupRule("tcp", new PortRange(7001, 7001), null, null, null, null, null, null);
      var cidr = new SecurityGroupRule("tcp", new PortRange(443, 443), null, null, null, "10.0.0.0/8", null, null);
      var r = new Resource<>(Ec2Kinds.SECURITY_GROUP.kind(), Map.of(Resource.APPLICATION, "fnord"),
          new SecurityGroupSpec(new Moniker("fnord"), ClusterScenarioTest.locations("us-east-1"), "fnord",
              Set.of(self, cidr), Map.of()));
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();

      var upserts = s.submittedOperations().stream().map(Ec2Operation.UpsertSecurityGroup.class::cast).toList();
      assertThat(upserts).extracting(Ec2Operation.UpsertSecurityGroup::create).containsExactly(true, false);
      SecurityGroup now = s.cloud.securityGroup("test", "us-east-1", "vpc0", "fnord").orElseThrow();
      assertThat(now.inboundRules()).containsExactlyInAnyOrder(self.resolved("fnord", "test"), cidr.resolved("fnord", "test"));
    }
  }

  @Test
  void aManualResizeIsResizedBack() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      var r = cluster("ami-1");
      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();
      s.cloud.externalResize("test", "us-east-1", "fnord-main-v000", 5);

      assertThat(s.converge(Ec2Scenario.config(r), Duration.ofHours(1))).isTrue();
      assertThat(s.cloud.truth("test", "us-east-1", "fnord-main")).singleElement()
          .extracting(Ec2ServerGroupState::desiredInstances).isEqualTo(2);
      assertThat(s.submittedOperations()).filteredOn(ServerGroupOperation.ResizeServerGroup.class::isInstance).hasSize(1);
    }
  }

  @Test
  void aReadErrorIsRetriedWithoutAction() {
    try (Ec2Scenario s = new Ec2Scenario()) {
      s.cloud.failNextReads(3);
      assertThat(s.converge(Ec2Scenario.config(cluster("ami-1")), Duration.ofHours(1))).isTrue();
      assertThat(creates(s)).isEqualTo(1);
    }
  }
}
