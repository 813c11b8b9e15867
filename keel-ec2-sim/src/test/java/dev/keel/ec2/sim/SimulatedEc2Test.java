package dev.keel.ec2.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployHealth;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.testkit.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedEc2Test {

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 sim = SimulatedEc2.withDefaults(scheduler.clock());
  private int submissions;

  @AfterEach
  void close() {
    scheduler.close();
  }

  private static Ec2ServerGroup model(String ami) {
    return new Ec2ServerGroup("fnord-main", new Location("test", "us-east-1", "vpc0", "internal (vpc0)", Set.of()),
        new LaunchConfiguration(ami, "fnord-" + ami, null, "m5.large", false, "fnordInstanceProfile", "key", false, null,
            false), new Capacity(2, 2, 2), ClusterDependencies.NONE, Health.DEFAULT, Set.of(), Scaling.NONE, Map.of(),
        true, "fnord-" + ami);
  }

  private TaskExecution deploy(String ami, DeployStrategy strategy, String source) {
    var op = new ServerGroupOperation.CreateServerGroup<>(model(ami), strategy, source,
        new DeployWave("us-east-1", null, null, null));
    return sim.submit(new TaskRequest("fnord", "deploy " + ami, "c" + (++submissions), List.of(op), null, null, null));
  }

  private List<Ec2ServerGroupState> groups() {
    return sim.truth("test", "us-east-1", "fnord-main");
  }

  private void advance(Duration d) {
    scheduler.advance(d);
  }

  @Test
  void aTaskProgressesOnlyAsTheClockAdvances() {
    TaskExecution t = deploy("ami-1", DeployStrategy.RedBlack.DEFAULT, null);
    assertThat(t.state()).isEqualTo(TaskExecution.State.NOT_STARTED);
    assertThat(groups()).isEmpty();

    advance(Duration.ofMinutes(1));
    assertThat(groups()).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v000");
    assertThat(sim.task(t.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.RUNNING);
    assertThat(groups().get(0).instances().isHealthy(new Capacity(2, 2, 2), DeployHealth.AUTO)).isFalse();

    advance(Duration.ofMinutes(5));
    assertThat(sim.task(t.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.SUCCEEDED);
    assertThat(groups().get(0).instances().up()).isEqualTo(2);
  }

  @Test
  void aRunningCorrelationIdIsNotStartedTwice() {
    var op = new ServerGroupOperation.ResizeServerGroup("test", "us-east-1", "fnord-main-v000", new Capacity(1, 1, 1));
    var request = new TaskRequest("fnord", "resize", "same", List.of(op), null, null, null);
    TaskExecution first = sim.submit(request);
    TaskExecution second = sim.submit(request);

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(sim.isRunning("same")).isTrue();
    advance(Duration.ofMinutes(5));
    assertThat(sim.isRunning("same")).isFalse();
    assertThat(sim.task(first.id()).orElseThrow().failure()).contains("No server group fnord-main-v000");
  }

  @Test
  void aTasksIdDependsOnItsCorrelationIdNotOnWhatWasSubmittedBeforeIt() {
    var op = new ServerGroupOperation.ResizeServerGroup("test", "us-east-1", "fnord-main-v000", new Capacity(1, 1, 1));
    var a = new TaskRequest("fnord", "resize", "a", List.of(op), null, null, null);
    var b = new TaskRequest("fnord", "resize", "b", List.of(op), null, null, null);
    SimulatedEc2 other = SimulatedEc2.withDefaults(scheduler.clock());

    String aFirst = sim.submit(a).id();
    sim.submit(b);
    other.submit(b);
    String aSecond = other.submit(a).id();
    advance(Duration.ofMinutes(5));
    String aAgain = sim.submit(a).id();

    assertThat(aSecond).isEqualTo(aFirst);
    assertThat(aAgain).isNotEqualTo(aFirst);
    assertThat(sim.task(aAgain)).isPresent();
  }

  @Test
  void redBlackDisablesTheOldAndKeepsAtMostMaxServerGroups() {
    deploy("ami-1", DeployStrategy.RedBlack.DEFAULT, null);
    advance(Duration.ofMinutes(10));
    deploy("ami-2", DeployStrategy.RedBlack.DEFAULT, "fnord-main-v000");
    advance(Duration.ofMinutes(10));
    assertThat(groups()).extracting(Ec2ServerGroupState::name, Ec2ServerGroupState::enabled).containsExactly(
        org.assertj.core.groups.Tuple.tuple("fnord-main-v000", false),
        org.assertj.core.groups.Tuple.tuple("fnord-main-v001", true));
    assertThat(groups().get(0).model().suspendedProcesses()).containsAll(Ec2ServerGroup.DISABLED_PROCESSES);

    deploy("ami-3", DeployStrategy.RedBlack.DEFAULT, "fnord-main-v001");
    advance(Duration.ofMinutes(10));
    assertThat(groups()).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v001", "fnord-main-v002");
  }

  @Test
  void redBlackCanScaleThePreviousGroupToZero() {
    var strategy = new DeployStrategy.RedBlack(DeployHealth.AUTO, false, true, 2, Duration.ZERO, Duration.ofMinutes(5),
        Duration.ofMinutes(30), List.of());
    deploy("ami-1", strategy, null);
    advance(Duration.ofMinutes(10));
    deploy("ami-2", strategy, "fnord-main-v000");
    advance(Duration.ofMinutes(4));
    assertThat(groups().get(0).desiredInstances()).isEqualTo(2);
    advance(Duration.ofMinutes(10));
    assertThat(groups().get(0).desiredInstances()).isZero();
  }

  @Test
  void highlanderDestroysEveryOtherGroupOnceHealthy() {
    deploy("ami-1", new DeployStrategy.None(DeployHealth.AUTO), null);
    advance(Duration.ofMinutes(10));
    deploy("ami-2", new DeployStrategy.None(DeployHealth.AUTO), "fnord-main-v000");
    advance(Duration.ofMinutes(10));
    assertThat(groups()).extracting(Ec2ServerGroupState::enabled).containsExactly(true, true);

    deploy("ami-3", new DeployStrategy.Highlander(DeployHealth.AUTO), "fnord-main-v001");
    advance(Duration.ofMinutes(10));
    assertThat(groups()).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v002");
  }

  @Test
  void rollingPushReplacesInstancesInPlace() {
    var push = new DeployStrategy.RollingPush(DeployHealth.AUTO, true, null, null, null);
    deploy("ami-1", push, null);
    advance(Duration.ofMinutes(10));
    deploy("ami-2", push, "fnord-main-v000");
    advance(Duration.ofMinutes(10));
    assertThat(groups()).singleElement().satisfies(g -> {
      assertThat(g.name()).isEqualTo("fnord-main-v000");
      assertThat(g.model().launchConfiguration().imageId()).isEqualTo("ami-2");
    });
  }

  @Test
  void instancesThatNeverBecomeHealthyFailTheDeployAfterTheWait() {
    sim.instancesNeverHealthy(true);
    TaskExecution t = deploy("ami-1", DeployStrategy.RedBlack.DEFAULT, null);
    advance(Duration.ofMinutes(29));
    assertThat(sim.task(t.id()).orElseThrow().state()).isEqualTo(TaskExecution.State.RUNNING);
    advance(Duration.ofMinutes(5));
    assertThat(sim.task(t.id()).orElseThrow().failure()).contains("did not become healthy within PT30M");
  }

  @Test
  void writesBecomeVisibleToReadsAfterTheReadLag() {
    sim.readLag(Duration.ofMinutes(3));
    deploy("ami-1", DeployStrategy.RedBlack.DEFAULT, null);
    advance(Duration.ofMinutes(1));
    assertThat(groups()).hasSize(1);
    assertThat(sim.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
    advance(Duration.ofMinutes(3));
    assertThat(sim.serverGroups("test", "us-east-1", "fnord-main")).hasSize(1);
  }

  @Test
  void injectedReadErrorsAreDistinctFromAbsence() {
    sim.failNextReads(1);
    assertThatThrownBy(() -> sim.serverGroups("test", "us-east-1", "fnord-main")).isInstanceOf(Ec2ReadException.class)
        .hasMessageContaining("503");
    assertThat(sim.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
  }

  @Test
  void aTaskAfterAFailedTaskFailsWithoutRunning() {
    sim.failNextStage("createServerGroup", "boom");
    TaskExecution first = deploy("ami-1", DeployStrategy.RedBlack.DEFAULT, null);
    var op = new ServerGroupOperation.CreateServerGroup<>(model("ami-1"), DeployStrategy.RedBlack.DEFAULT, null,
        new DeployWave("us-east-1", "us-west-2", null, null));
    TaskExecution second = sim.submit(new TaskRequest("fnord", "next", "c-next", List.of(op), first.id(), null, null));
    advance(Duration.ofMinutes(10));

    assertThat(sim.task(second.id()).orElseThrow().failure()).contains("depends on").contains("boom");
    assertThat(groups()).isEmpty();
  }

  @Test
  void theInventoryListsAccountsNetworksImagesCertificatesAndWhatReadsSee() {
    sim.catalog().image(new Catalog.Image("fnord-1", "fnord-1.0.0", null, Map.of("us-east-1", "ami-1"),
        Instant.parse("2026-01-05T08:00:00Z")));
    sim.catalog().addCertificate("test", "fnord-cert");
    sim.readLag(Duration.ofMinutes(3));
    var sg = new SecurityGroup("fnord", "test", "us-east-1", "vpc0", null, Set.of());
    sim.submit(new TaskRequest("fnord", "sg", "sg", List.of(new Ec2Operation.UpsertSecurityGroup(sg,
        true)), null, null, null));

    assertThat(sim.accounts()).extracting(Catalog.Account::name)
        .containsExactly("test", "prod", "prod-account", "testaccount");
    assertThat(sim.networks()).hasSize(16).allMatch(n -> n.name().equals("vpc0"));
    assertThat(sim.images()).extracting(Catalog.Image::appVersion).containsExactly("fnord-1.0.0");
    assertThat(sim.certificates("test")).extracting(Catalog.Certificate::name)
        .containsExactly("fnord-cert");
    assertThat(sim.certificates("prod")).isEmpty();
    advance(Duration.ofMinutes(1));
    assertThat(sim.securityGroupNames("test", "us-east-1")).isEmpty();
    advance(Duration.ofMinutes(4));
    assertThat(sim.securityGroupNames("test", "us-east-1")).containsExactly("fnord");
    assertThat(sim.loadBalancerNames("test", "us-east-1")).isEmpty();
  }
}
