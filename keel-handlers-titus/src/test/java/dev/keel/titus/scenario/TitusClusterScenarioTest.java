package dev.keel.titus.scenario;

import static dev.keel.titus.handler.TitusFixtures.DIGEST_1;
import static dev.keel.titus.handler.TitusFixtures.DIGEST_2;
import static dev.keel.titus.handler.TitusFixtures.cluster;
import static dev.keel.titus.handler.TitusFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployWith;
import dev.keel.cloud.api.deploy.StaggeredRegion;
import dev.keel.cloud.api.spec.CapacitySpec;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.spi.actuation.Operation;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import dev.keel.titus.handler.TitusClusterHandler;
import dev.keel.titus.handler.TitusFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One scenario per row of the cluster decision table that applies to Titus, on the simulated Titus. */
class TitusClusterScenarioTest {

  private final TitusScenario s = new TitusScenario();

  @AfterEach
  void close() {
    s.close();
  }

  static final TargetTrackingPolicy CPU = new TargetTrackingPolicy(50, false, null, null,
      new TargetTrackingPolicy.PredefinedMetric("ASGAverageCPUUtilization", null), null);
  static final TargetTrackingPolicy CPU_60 = new TargetTrackingPolicy(60, false, null, null, null,
      new TargetTrackingPolicy.CustomMetric("CPUUtilization", "NFLX/EPIC", "Average", null, Map.of("app", "fnord")));
  static final StepScalingPolicy STEP = new StepScalingPolicy("ChangeInCapacity", null, "GreaterThanThreshold",
      Map.of("app", "fnord"), 2, Duration.ofMinutes(1), 80, "CPUUtilization", "NFLX/EPIC", "Average", null, null,
      Set.of(new StepScalingPolicy.StepAdjustment(0.0, null, 1)));

  private List<TitusServerGroupState> jobs(String region) {
    return s.cloud.truth("test", region, "fnord-main");
  }

  private static List<String> types(List<? extends Operation> ops) {
    return ops.stream().map(Operation::type).toList();
  }

  private static Resource<TitusClusterSpec> autoscaled(ScalingSpec scaling, CapacitySpec capacity, String... regions) {
    return resource(TitusFixtures.with(cluster(regions), capacity, scaling));
  }

  @Test
  void aNewClusterIsCreatedInEveryRegionWithItsPoliciesAttachedToTheNewJob() {
    var r = autoscaled(new ScalingSpec(Set.of(CPU), Set.of(STEP)), new CapacitySpec(1, 4, null), "us-east-1",
        "us-west-2");
    List<Operation> ops = s.planned(r);
    assertThat(types(ops)).containsExactly("createServerGroup", "createServerGroup");

    assertThat(s.converge(r)).isTrue();
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::name).containsExactly("fnord-main-v000");
    assertThat(jobs("us-east-1").get(0).model().scaling().stepScalingPolicies()).containsExactly(STEP);
    assertThat(jobs("us-east-1").get(0).jobId()).startsWith("titus-job-");
  }

  @Test
  void tagsAndStepPoliciesConvergeAndStayInSync() {
    var r = autoscaled(new ScalingSpec(Set.of(CPU), Set.of(STEP)), new CapacitySpec(1, 4, null), "us-east-1");
    assertThat(s.converge(r)).isTrue();
    int tasks = s.cloud.tasks().size();

    s.harness.advance(Duration.ofHours(3));

    assertThat(s.plan(r).action()).isEqualTo(PlannedAction.NONE);
    assertThat(s.cloud.tasks()).hasSize(tasks);
    assertThat(jobs("us-east-1").get(0).model().tags()).isEqualTo(Map.of("team", "delivery"));
  }

  @Test
  void aTagChangeDeploysANewJobAndThenStaysInSync() {
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    var retagged = resource(TitusFixtures.withTags(cluster("us-east-1"), Map.of("team", "delivery", "cost", "42")));

    assertThat(types(s.planned(retagged))).containsExactly("createServerGroup");
    assertThat(s.converge(retagged)).isTrue();
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::name, TitusServerGroupState::enabled)
        .containsExactly(Tuple.tuple("fnord-main-v000", false), Tuple.tuple("fnord-main-v001", true));
    assertThat(s.plan(retagged).action()).isEqualTo(PlannedAction.NONE);
  }

  @Test
  void capacityOnlyResizesTheActiveJob() {
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    var changed = resource(TitusFixtures.with(cluster("us-east-1"), new CapacitySpec(3, 3, 3), null));

    assertThat(s.planned(changed)).containsExactly(new ServerGroupOperation.ResizeServerGroup("test", "us-east-1",
        "fnord-main-v000", new Capacity(3, 3, 3)));
    assertThat(s.converge(changed)).isTrue();
    assertThat(jobs("us-east-1")).singleElement().extracting(j -> j.instances().total()).isEqualTo(3);
  }

  @Test
  void scalingOnlyDeletesThenUpsertsPolicies() {
    assertThat(s.converge(autoscaled(new ScalingSpec(Set.of(CPU), null), new CapacitySpec(1, 4, null),
        "us-east-1"))).isTrue();
    var after = autoscaled(new ScalingSpec(Set.of(CPU_60), Set.of(STEP)), new CapacitySpec(1, 4, null), "us-east-1");

    String cpuId = jobs("us-east-1").get(0).policies().get(0).id();
    List<Operation> ops = s.planned(after);
    assertThat(types(ops)).containsExactly("deleteScalingPolicy", "upsertScalingPolicy");
    assertThat(((ServerGroupOperation.DeleteScalingPolicies) ops.get(0)).policyIds()).containsExactly(cpuId);
    assertThat(s.converge(after)).isTrue();
    assertThat(jobs("us-east-1").get(0).policies()).extracting(p -> p.id()).doesNotContain(cpuId).hasSize(2);
    assertThat(jobs("us-east-1")).singleElement().satisfies(j -> {
      assertThat(j.model().scaling().targetTrackingPolicies()).containsExactly(CPU_60);
      assertThat(j.model().scaling().stepScalingPolicies()).containsExactly(STEP);
    });
  }

  @Test
  void capacityAndScalingResizeThenModifyPolicies() {
    assertThat(s.converge(autoscaled(new ScalingSpec(Set.of(CPU), null), new CapacitySpec(1, 4, null),
        "us-east-1"))).isTrue();
    var after = autoscaled(new ScalingSpec(Set.of(CPU_60), null), new CapacitySpec(2, 6, null), "us-east-1");

    assertThat(types(s.planned(after))).containsExactly("resizeServerGroup", "deleteScalingPolicy",
        "upsertScalingPolicy");
    assertThat(s.converge(after)).isTrue();
    assertThat(jobs("us-east-1")).singleElement().satisfies(j -> assertThat(j.model().capacity().max()).isEqualTo(6));
  }

  @Test
  void anOverrideChangeDeploysANewJobOnlyInTheRegionThatDiffers() {
    TitusClusterSpec before = cluster("us-east-1", "us-west-2");
    assertThat(s.converge(resource(before))).isTrue();
    var after = resource(before.with(before.defaults(), Map.of("us-west-2",
        TitusServerGroupSpec.EMPTY.withEnv(Map.of("B", "2")))));

    assertThat(s.planned(after)).singleElement().isInstanceOfSatisfying(ServerGroupOperation.CreateServerGroup.class, c -> {
      assertThat(c.region()).isEqualTo("us-west-2");
      assertThat(c.source()).isEqualTo("fnord-main-v000");
    });
    assertThat(s.converge(after)).isTrue();
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::name).containsExactly("fnord-main-v000");
    assertThat(jobs("us-west-2").get(1).model().env()).containsEntry("B", "2").containsEntry("A", "1")
        .containsEntry("NETFLIX_REGION", "us-west-2");
  }

  @Test
  void moreThanOneEnabledJobDisablesTheOldest() {
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    var v2 = resource(TitusFixtures.withDigest(cluster("us-east-1"), DIGEST_2));
    assertThat(s.converge(v2)).isTrue();
    s.cloud.externalEnable("test", "us-east-1", "fnord-main-v000");

    assertThat(s.planned(v2)).containsExactly(new ServerGroupOperation.DisableServerGroup("test", "us-east-1",
        "fnord-main-v000"));
    assertThat(s.converge(v2)).isTrue();
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::enabled).containsExactly(false, true);
  }

  @Test
  void moreThanOneEnabledJobWithAnUnhealthyNewestTakesNoAction() {
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    s.cloud.tasksNeverHealthy(true);
    var v2 = resource(TitusFixtures.withDigest(cluster("us-east-1"), DIGEST_2));
    s.harness.engine().submit(TitusScenario.config(v2));
    s.harness.advanceUntil(() -> s.cloud.tasks().size() >= 2 && s.noTaskRunning(), Duration.ofMinutes(1),
        Duration.ofHours(1));
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::enabled).containsExactly(true, true);

    var plan = s.plan(v2);
    assertThat(plan.action()).isEqualTo(PlannedAction.BLOCKED);
    assertThat(plan.operations()).isEmpty();
    assertThat(plan.message()).contains("not healthy");
  }

  @Test
  void aMatchingOlderJobIsRolledBackTo() {
    var v1 = resource(cluster("us-east-1"));
    assertThat(s.converge(v1)).isTrue();
    assertThat(s.converge(resource(TitusFixtures.withDigest(cluster("us-east-1"), DIGEST_2)))).isTrue();

    assertThat(s.planned(v1)).singleElement().isInstanceOfSatisfying(ServerGroupOperation.RollbackServerGroup.class, rb -> {
      assertThat(rb.restore()).isEqualTo("fnord-main-v000");
      assertThat(rb.disable()).isEqualTo("fnord-main-v001");
    });
    assertThat(s.converge(v1)).isTrue();
    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::enabled).containsExactly(true, false);
  }

  @Test
  void staggeredRegionsDeployOneAfterAnother() {
    var stagger = new DeployWith("red-black", null, null, null, null, null, null, null, List.of(
        new StaggeredRegion("us-west-2", null, Duration.ofMinutes(20)), new StaggeredRegion("us-east-1", null,
            Duration.ofMinutes(5))), null, null, null, null);
    var r = resource(TitusFixtures.cluster(stagger, new CapacitySpec(1, 1, 1), DIGEST_1, "us-east-1", "us-west-2"));

    assertThat(s.planned(r)).extracting(o -> ((ServerGroupOperation.CreateServerGroup) o).region())
        .containsExactly("us-west-2", "us-east-1");
    assertThat(s.converge(r)).isTrue();
    var tasks = s.cloud.tasks();
    assertThat(s.cloud.submitted().get(1).afterTask()).isEqualTo(tasks.get(0).id());
    assertThat(tasks.get(1).endedAt()).isAfter(tasks.get(0).endedAt());
  }

  @Test
  void highlanderDestroysTheOldJobOnceTheNewIsHealthy() {
    var h = TitusFixtures.cluster(DeployWith.of("highlander"), new CapacitySpec(1, 1, 1), DIGEST_1, "us-east-1");
    assertThat(s.converge(resource(h))).isTrue();
    assertThat(s.converge(resource(TitusFixtures.withDigest(h, DIGEST_2)))).isTrue();

    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::name).containsExactly("fnord-main-v001");
  }

  @Test
  void aFailedDeployIsReportedAndRetried() {
    s.cloud.failNextStage("createServerGroup", "Titus rejected the job: capacity group fnord is full");
    var r = resource(cluster("us-east-1"));

    assertThat(s.converge(r)).isTrue();
    assertThat(s.cloud.tasks()).extracting(t -> t.state().name()).containsExactly("TERMINAL", "SUCCEEDED");
    assertThat(s.cloud.tasks().get(0).failure()).contains("capacity group fnord is full");
  }

  @Test
  void readErrorsDoNotStopConvergence() {
    s.cloud.failNextReads(3);
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
  }

  @Test
  void deletingAClusterDestroysEveryJob() {
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    var v2 = resource(TitusFixtures.withDigest(cluster("us-east-1"), DIGEST_2));
    assertThat(s.converge(v2)).isTrue();

    assertThat(new TitusClusterHandler(s.cloud).planDelete(v2, null).operations()).containsExactly(
        new ServerGroupOperation.DestroyServerGroup("test", "us-east-1", "fnord-main-v000"),
        new ServerGroupOperation.DestroyServerGroup("test", "us-east-1", "fnord-main-v001"));
  }

  @Test
  void rollingPushReplacesTheImageOfTheExistingJobInPlace() {
    var rolling = TitusFixtures.cluster(DeployWith.of("rolling-push"), new CapacitySpec(1, 1, 1), DIGEST_1,
        "us-east-1");
    assertThat(s.converge(resource(rolling))).isTrue();
    assertThat(s.converge(resource(TitusFixtures.withDigest(rolling, DIGEST_2)))).isTrue();

    assertThat(jobs("us-east-1")).singleElement().satisfies(j -> {
      assertThat(j.name()).isEqualTo("fnord-main-v000");
      assertThat(j.model().container().digest()).isEqualTo(DIGEST_2);
    });
  }

  @Test
  void withNoStrategyOlderJobsStayEnabledWithoutBeingDrift() {
    var none = TitusFixtures.cluster(DeployWith.of("none"), new CapacitySpec(1, 1, 1), DIGEST_1, "us-east-1");
    assertThat(s.converge(resource(none))).isTrue();
    var v2 = resource(TitusFixtures.withDigest(none, DIGEST_2));
    assertThat(s.converge(v2)).isTrue();

    assertThat(jobs("us-east-1")).extracting(TitusServerGroupState::enabled).containsExactly(true, true);
    assertThat(s.plan(v2).action()).isEqualTo(PlannedAction.NONE);
  }
}
