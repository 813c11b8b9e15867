package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.deploy.StaggeredRegion;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ScalingSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import dev.keel.ec2.api.spec.VirtualMachineImage;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One scenario per row of the cluster decision table (reference §7.3), on the simulated EC2. */
class ClusterScenarioTest {

  private final Ec2Scenario s = new Ec2Scenario();

  @AfterEach
  void close() {
    s.close();
  }

  static Locations locations(String... regions) {
    Set<RegionSpec> set = new LinkedHashSet<>();
    for (String r : regions) {
      set.add(new RegionSpec(r));
    }
    return new Locations("test", null, null, set);
  }

  static LaunchConfigurationSpec launch(String ami, String version) {
    return new LaunchConfigurationSpec(new VirtualMachineImage(ami, version, "bionicbase"), "m5.large", null, null,
        null, null, null, null);
  }

  static Ec2ClusterSpec spec(DeployWith deployWith, LaunchConfigurationSpec lc, CapacitySpec capacity,
      ScalingSpec scaling, String... regions) {
    return new Ec2ClusterSpec(new Moniker("fnord", "main", null), null, null, deployWith, null, locations(regions), lc,
        capacity, null, null, scaling, null, Map.of());
  }

  static Ec2ClusterSpec spec(String ami, CapacitySpec capacity, String... regions) {
    return spec(DeployWith.redBlack(), launch(ami, "fnord-" + ami), capacity, null, regions);
  }

  static Resource<Ec2ClusterSpec> resource(Ec2ClusterSpec spec) {
    return new Resource<>(Ec2Kinds.CLUSTER.kind(), Map.of(Resource.APPLICATION, "fnord"), spec);
  }

  static final TargetTrackingPolicy CPU = new TargetTrackingPolicy(null, 50, false,
      new TargetTrackingPolicy.PredefinedMetric("ASGAverageCPUUtilization", null), null);
  static final TargetTrackingPolicy CPU_60 = new TargetTrackingPolicy(null, 60, false,
      new TargetTrackingPolicy.PredefinedMetric("ASGAverageCPUUtilization", null), null);

  private List<Ec2ServerGroupState> groups(String region) {
    return s.cloud.truth("test", region, "fnord-main");
  }

  private static List<String> types(List<? extends Operation> ops) {
    return ops.stream().map(Operation::type).toList();
  }

  @Test
  void aNewClusterIsCreatedInEveryRegionWithItsPoliciesAttachedToTheNewGroup() {
    var r = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU), null), "us-east-1", "us-west-2"));
    List<Operation> ops = s.planned(r);
    assertThat(types(ops)).containsExactly("createServerGroup", "createServerGroup");
    assertThat(((Ec2ServerGroup) ((ServerGroupOperation.CreateServerGroup<?>) ops.get(0)).serverGroup()).scaling().targetTrackingPolicies())
        .containsExactly(CPU);

    assertThat(s.converge(r)).isTrue();
    assertThat(groups("us-east-1")).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v000");
    assertThat(groups("us-east-1").get(0).model().scaling().targetTrackingPolicies()).containsExactly(CPU);
  }

  @Test
  void capacityOnlyResizesTheActiveGroup() {
    assertThat(s.converge(resource(spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1")))).isTrue();
    var changed = resource(spec("ami-1", new CapacitySpec(3, 3, 3), "us-east-1"));

    assertThat(s.planned(changed)).containsExactly(new ServerGroupOperation.ResizeServerGroup("test", "us-east-1",
        "fnord-main-v000", new dev.keel.cloud.api.Capacity(3, 3, 3)));
    assertThat(s.converge(changed)).isTrue();
    assertThat(groups("us-east-1")).singleElement().extracting(Ec2ServerGroupState::desiredInstances).isEqualTo(3);
  }

  @Test
  void scalingOnlyDeletesThenUpsertsPolicies() {
    var before = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU), null), "us-east-1"));
    assertThat(s.converge(before)).isTrue();
    var after = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU_60), null), "us-east-1"));

    assertThat(types(s.planned(after))).containsExactly("deleteScalingPolicy", "upsertScalingPolicy");
    assertThat(s.converge(after)).isTrue();
    assertThat(groups("us-east-1").get(0).model().scaling().targetTrackingPolicies()).containsExactly(CPU_60);
  }

  @Test
  void addingAScalingPolicyOnlyAttachesItTheAutoscalerOwnsTheCount() {
    var before = resource(spec("ami-1", new CapacitySpec(1, 4, 2), "us-east-1"));
    assertThat(s.converge(before)).isTrue();
    var after = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-ami-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU), null), "us-east-1"));

    assertThat(types(s.planned(after))).containsExactly("upsertScalingPolicy");
    assertThat(s.converge(after)).isTrue();
    assertThat(s.planned(after)).isEmpty();
    assertThat(groups("us-east-1")).singleElement()
        .satisfies(g -> assertThat(g.model().scaling().targetTrackingPolicies()).containsExactly(CPU));
  }

  @Test
  void removingTheScalingPoliciesOnlyDeletesThem() {
    var before = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-ami-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU), null), "us-east-1"));
    assertThat(s.converge(before)).isTrue();
    var after = resource(spec("ami-1", new CapacitySpec(1, 4, 2), "us-east-1"));

    assertThat(types(s.planned(after))).containsExactly("deleteScalingPolicy");
    assertThat(s.converge(after)).isTrue();
    assertThat(groups("us-east-1")).singleElement()
        .satisfies(g -> assertThat(g.model().scaling().targetTrackingPolicies()).isEmpty());
  }

  @Test
  void capacityAndScalingResizeThenModifyPolicies() {
    var before = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-1"), new CapacitySpec(1, 4, null),
        new ScalingSpec(null, Set.of(CPU), null), "us-east-1"));
    assertThat(s.converge(before)).isTrue();
    var after = resource(spec(DeployWith.redBlack(), launch("ami-1", "fnord-1"), new CapacitySpec(2, 6, null),
        new ScalingSpec(null, Set.of(CPU_60), null), "us-east-1"));

    assertThat(types(s.planned(after))).containsExactly("resizeServerGroup", "deleteScalingPolicy",
        "upsertScalingPolicy");
    assertThat(s.converge(after)).isTrue();
    assertThat(groups("us-east-1")).singleElement().satisfies(g -> {
      assertThat(g.model().capacity().max()).isEqualTo(6);
      assertThat(g.model().scaling().targetTrackingPolicies()).containsExactly(CPU_60);
    });
  }

  @Test
  void anImageChangeDeploysANewGroupOnlyInTheRegionThatDiffers() {
    var before = spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1", "us-west-2");
    assertThat(s.converge(resource(before))).isTrue();
    var after = resource(before.with(before.defaults(), Map.of("us-west-2",
        ServerGroupSpec.EMPTY.withLaunchConfiguration(launch("ami-2", "fnord-ami-2")))));

    List<Operation> ops = s.planned(after);
    assertThat(ops).singleElement().isInstanceOfSatisfying(ServerGroupOperation.CreateServerGroup.class, c -> {
      assertThat(c.region()).isEqualTo("us-west-2");
      assertThat(c.source()).isEqualTo("fnord-main-v000");
    });
    assertThat(s.converge(after)).isTrue();
    assertThat(groups("us-east-1")).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v000");
    assertThat(groups("us-west-2")).extracting(Ec2ServerGroupState::name, Ec2ServerGroupState::enabled)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("fnord-main-v000", false),
            org.assertj.core.groups.Tuple.tuple("fnord-main-v001", true));
  }

  @Test
  void moreThanOneEnabledGroupDisablesTheOldestWithTheWrongVersion() {
    assertThat(s.converge(resource(spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1")))).isTrue();
    var v2 = resource(spec("ami-2", new CapacitySpec(2, 2, 2), "us-east-1"));
    assertThat(s.converge(v2)).isTrue();
    s.cloud.externalEnable("test", "us-east-1", "fnord-main-v000");

    assertThat(s.planned(v2)).containsExactly(
        new ServerGroupOperation.DisableServerGroup("test", "us-east-1", "fnord-main-v000"));
    assertThat(s.converge(v2)).isTrue();
    assertThat(groups("us-east-1")).extracting(Ec2ServerGroupState::enabled).containsExactly(false, true);
  }

  @Test
  void moreThanOneEnabledGroupWithAnUnhealthyNewestTakesNoAction() {
    assertThat(s.converge(resource(spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1")))).isTrue();
    s.cloud.instancesNeverHealthy(true);
    var v2 = resource(spec("ami-2", new CapacitySpec(2, 2, 2), "us-east-1"));
    s.harness.engine().submit(Ec2Scenario.config(v2));
    s.harness.advanceUntil(() -> !s.cloud.tasks().isEmpty() && s.noTaskRunning() && s.cloud.tasks().size() >= 2,
        Duration.ofMinutes(1), Duration.ofHours(1));
    assertThat(groups("us-east-1")).extracting(Ec2ServerGroupState::enabled).containsExactly(true, true);

    var plan = s.plan(v2);
    assertThat(plan.action()).isEqualTo(PlannedAction.BLOCKED);
    assertThat(plan.operations()).isEmpty();
    assertThat(plan.message()).contains("not healthy");
  }

  @Test
  void aMatchingOlderGroupIsRolledBackTo() {
    var v1 = resource(spec("ami-1", new CapacitySpec(2, 2, 2), "us-east-1"));
    assertThat(s.converge(v1)).isTrue();
    assertThat(s.converge(resource(spec("ami-2", new CapacitySpec(2, 2, 2), "us-east-1")))).isTrue();

    assertThat(s.planned(v1)).singleElement().isInstanceOfSatisfying(ServerGroupOperation.RollbackServerGroup.class, rb -> {
      assertThat(rb.restore()).isEqualTo("fnord-main-v000");
      assertThat(rb.disable()).isEqualTo("fnord-main-v001");
    });
    assertThat(s.converge(v1)).isTrue();
    assertThat(groups("us-east-1")).extracting(Ec2ServerGroupState::enabled).containsExactly(true, false);
  }

  @Test
  void staggeredRegionsAreChainedWithWindowsAndPauses() {
    var stagger = new DeployWith("red-black", null, null, null, null, null, null, null, List.of(
        new StaggeredRegion("us-west-2", null, Duration.ofMinutes(20)), new StaggeredRegion("us-east-1", "10-11", null)),
        null, null, null, null);
    var r = resource(spec(stagger, launch("ami-1", "fnord-1"), new CapacitySpec(1, 1, 1), null, "us-east-1",
        "us-west-2", "eu-west-1"));

    List<ServerGroupOperation.CreateServerGroup> ops = s.planned(r).stream().map(ServerGroupOperation.CreateServerGroup.class::cast)
        .toList();
    assertThat(ops).extracting(ServerGroupOperation.CreateServerGroup::region)
        .containsExactly("us-west-2", "us-east-1", "eu-west-1");
    assertThat(ops).extracting(o -> o.wave().after()).containsExactly(null, "us-west-2", "us-east-1");

    assertThat(s.converge(r)).isTrue();
    var requests = s.cloud.submitted();
    assertThat(requests.get(0).waitAfter()).isEqualTo(Duration.ofMinutes(20));
    assertThat(requests.get(1).afterTask()).isNotNull();
    assertThat(requests.get(1).window().startHour()).isEqualTo(10);
    var tasks = s.cloud.tasks();
    TaskExecution west = tasks.get(0);
    TaskExecution east = tasks.get(1);
    assertThat(east.endedAt()).isAfter(west.endedAt());
    assertThat(east.endedAt().atZone(java.time.ZoneOffset.UTC).getHour()).isBetween(10, 11);
  }

  @Test
  void deletingAClusterDestroysEveryServerGroup() {
    assertThat(s.converge(resource(spec("ami-1", new CapacitySpec(1, 1, 1), "us-east-1")))).isTrue();
    var v2 = resource(spec("ami-2", new CapacitySpec(1, 1, 1), "us-east-1"));
    assertThat(s.converge(v2)).isTrue();

    var handler = new dev.keel.ec2.handler.Ec2ClusterHandler(s.cloud);
    assertThat(handler.planDelete(v2, null).operations()).containsExactly(
        new ServerGroupOperation.DestroyServerGroup("test", "us-east-1", "fnord-main-v000"),
        new ServerGroupOperation.DestroyServerGroup("test", "us-east-1", "fnord-main-v001"));
  }
}
