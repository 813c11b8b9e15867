package dev.keel.titus.scenario;

import static dev.keel.titus.handler.TitusFixtures.DIGEST_2;
import static dev.keel.titus.handler.TitusFixtures.cluster;
import static dev.keel.titus.handler.TitusFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Moniker;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import dev.keel.titus.handler.TitusClusterHandler;
import dev.keel.titus.handler.TitusFixtures;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour around the decision table on the simulated Titus: read lag, manual changes, export. */
class TitusBehaviourScenarioTest {

  private final TitusScenario s = new TitusScenario();

  @AfterEach
  void close() {
    s.close();
  }

  private long creates() {
    return s.cloud.submitted().stream().flatMap(r -> r.operations().stream())
        .filter(ServerGroupOperation.CreateServerGroup.class::isInstance).count();
  }

  @Test
  void aMissingSecurityGroupHoldsTheClusterBackUntilItExists() {
    TitusClusterSpec base = cluster("us-east-1");
    var r = resource(new TitusClusterSpec(base.moniker(), base.container(), null, null, base.deployWith(),
        null, base.locations(), base.capacity(), null, null, new dev.keel.cloud.api.spec.ClusterDependencies(null,
            Set.of("fnord-elb", "nf-datacenter", "fnord"), null), null, null, null, null, null, null, null, null,
        Map.of()));
    s.harness.engine().submit(TitusScenario.config(r));
    s.harness.advance(Duration.ofMinutes(10));

    assertThat(s.harness.status(r.id())).isEqualTo(dev.keel.spi.model.ResourceStatus.MISSING_DEPENDENCY);
    assertThat(s.cloud.submitted()).isEmpty();

    s.cloud.securityGroup("test", "us-east-1", "fnord-elb");
    assertThat(s.converge(r)).isTrue();
  }

  @Test
  void readLagAfterADeployDoesNotCauseADuplicateDeploy() {
    s.cloud.readLag(Duration.ofMinutes(5));
    assertThat(s.converge(resource(cluster("us-east-1")))).isTrue();
    assertThat(s.converge(resource(TitusFixtures.withDigest(cluster("us-east-1"), DIGEST_2)))).isTrue();
    s.harness.advance(Duration.ofMinutes(30));

    assertThat(creates()).isEqualTo(2);
    assertThat(s.cloud.truth("test", "us-east-1", "fnord-main")).extracting(TitusServerGroupState::name)
        .containsExactly("fnord-main-v000", "fnord-main-v001");
  }

  @Test
  void aManualResizeIsPutBack() {
    var r = resource(cluster("us-east-1"));
    assertThat(s.converge(r)).isTrue();
    s.cloud.externalResize("test", "us-east-1", "fnord-main-v000", 5);
    s.harness.advanceUntil(() -> s.cloud.truth("test", "us-east-1", "fnord-main").get(0).instances().total() == 2,
        Duration.ofMinutes(1), Duration.ofHours(1));

    assertThat(s.cloud.truth("test", "us-east-1", "fnord-main")).singleElement()
        .satisfies(j -> assertThat(j.instances().total()).isEqualTo(2));
    assertThat(s.cloud.submitted()).last().satisfies(t -> assertThat(t.operations())
        .singleElement().isInstanceOf(ServerGroupOperation.ResizeServerGroup.class));
  }

  @Test
  void anExportedClusterIsInSyncWithTheClusterItDescribes() {
    TitusClusterSpec before = cluster("us-east-1", "us-west-2");
    var r = resource(before.with(before.defaults(), Map.of("us-west-2",
        TitusServerGroupSpec.EMPTY.withEnv(Map.of("B", "2")))));
    assertThat(s.converge(r)).isTrue();

    TitusClusterSpec exported = new TitusClusterHandler(s.cloud).export(new Exportable(TitusKinds.CLUSTER.kind(),
        "test", new Moniker("fnord", "main", null), Set.of("us-east-1", "us-west-2"), "me@example.com"));

    assertThat(exported.container().digest()).isEqualTo(TitusFixtures.DIGEST_1);
    assertThat(exported.resources()).isNull();
    assertThat(exported.tags()).isEqualTo(Map.of("team", "delivery"));
    assertThat(exported.overrides().get("us-west-2").env()).isEqualTo(Map.of("B", "2"));
    assertThat(exported.overrides().get("us-east-1").containerAttributes())
        .isEqualTo(Map.of("titusParameter.agent.subnets", "subnet-1,subnet-2"));
    assertThat(s.plan(resource(exported)).action()).isEqualTo(PlannedAction.NONE);
  }

  @Test
  void aSeededClusterIsExportedFromEveryRegionOfItsAccountWhenNoneIsNamedAndIsInSync() {
    Map<String, Object> job = Map.of("account", "test", "cluster", "fnord-main", "image", "illuminati/fnord:1.0.0",
        "capacity", Map.of("min", 2, "max", 2, "desired", 2), "tags", Map.of("team", "delivery"));
    var west = new java.util.HashMap<>(job);
    west.put("region", "us-west-2");
    var europe = new java.util.HashMap<>(job);
    europe.put("region", "eu-west-1");
    europe.put("env", Map.of("B", "2"));
    new dev.keel.titus.sim.TitusSimulator(s.cloud).seed(Map.of("serverGroups", java.util.List.of(west, europe)));

    TitusClusterSpec exported = new TitusClusterHandler(s.cloud).export(new Exportable(TitusKinds.CLUSTER.kind(),
        "test", new Moniker("fnord", "main", null), Set.of(), "me@example.com"));

    assertThat(exported.locations().regionNames()).containsExactly("eu-west-1", "us-west-2");
    assertThat(exported.overrides().get("eu-west-1").env()).isEqualTo(Map.of("B", "2"));
    assertThat(s.plan(resource(exported)).action()).isEqualTo(PlannedAction.NONE);
  }

  @Test
  void anExportNamingNoRegionsSaysItLookedInEveryRegionOfTheAccount() {
    assertThatThrownBy(() -> new TitusClusterHandler(s.cloud).export(new Exportable(TitusKinds.CLUSTER.kind(), "test",
        new Moniker("fnord", "main", null), Set.of(), "me@example.com")))
        .isInstanceOf(java.util.NoSuchElementException.class)
        .hasMessage("No active Titus job of cluster fnord-main in any region of test [eu-west-1, us-east-1, us-west-1,"
            + " us-west-2]: check the account, the regions and the cluster name");
  }
}
