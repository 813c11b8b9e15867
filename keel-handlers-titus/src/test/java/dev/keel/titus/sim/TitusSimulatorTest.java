package dev.keel.titus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.TagVersionStrategy;
import dev.keel.support.sim.SimIds;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusReadException;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.handler.TitusClusterDesiredState;
import dev.keel.titus.handler.TitusFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Titus simulator as a host drives it: seeded from plain values, read back through the cloud port. */
class TitusSimulatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedTitus sim = SimulatedTitus.withDefaults(scheduler.clock());
  private final TitusCloud cloud = sim;
  private final TitusSimulator simulator = new TitusSimulator(sim);
  private int submissions;

  @AfterEach
  void close() {
    scheduler.close();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String text) {
    try {
      Map<String, Object> m = YAML.readValue(text, Map.class);
      return m == null ? Map.of() : m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TaskExecution deploy() {
    TitusServerGroup desired = TitusClusterDesiredState.resolve(TitusFixtures.cluster("us-east-1")).get("us-east-1");
    return sim.submit(new TaskRequest("fnord", "deploy", "c" + (++submissions), List.of(
        new ServerGroupOperation.CreateServerGroup<>(desired, DeployStrategy.RedBlack.DEFAULT, null,
            new DeployWave("us-east-1", null, null, null))), null, null, null));
  }

  private TaskExecution.State state(TaskExecution task) {
    return sim.task(task.id()).orElseThrow().state();
  }

  private static String digestOf(String image) {
    return "sha256:" + SimIds.sha256(image);
  }

  // ---- seeding -----------------------------------------------------------------------------------------

  @Test
  void isNamedTitusAndActiveOnASimulatedCloud() {
    assertThat(simulator.name()).isEqualTo("titus");
    assertThat(simulator.active()).isTrue();
    assertThat(simulator.actions()).containsKeys("fail", "failReads", "unhealthy", "resize", "enable", "disable",
        "serverGroup", "push", "containerExits", "settings");
  }

  @Test
  void seededAccountsGetTheirRegionsAndKeelLikeDefaults() {
    simulator.seed(yaml("""
        accounts:
        - {name: titusstaging, regions: [us-east-1, ap-south-1]}
        - {name: titustest, regions: [eu-west-1], awsAccount: test, awsAccountId: "111122223333",
           registry: shared, environment: test}
        - {name: test, regions: [ap-south-1]}
        """));

    assertThat(cloud.account("titusstaging")).hasValueSatisfying(a -> {
      assertThat(a.awsAccount()).isEqualTo("titusstaging");
      assertThat(a.awsAccountId()).matches("\\d{12}");
      assertThat(a.registry()).isEqualTo("titusstagingregistry");
      assertThat(a.environment()).isEqualTo("titusstaging");
    });
    assertThat(cloud.regions("titusstaging")).containsExactly("ap-south-1", "us-east-1");
    assertThat(cloud.account("titustest")).contains(new TitusAccount("titustest", "test", "111122223333", "shared",
        "test"));
    assertThat(cloud.account("test").orElseThrow().registry()).isEqualTo("testregistry");
    assertThat(cloud.regions("test")).contains("ap-south-1", "us-east-1");
  }

  @Test
  void seededImagesArePushedWithADigestDerivedFromTheTagUnlessGiven() {
    simulator.seed(yaml("""
        images:
        - {image: "illuminati/fnord:1.0.0"}
        - {image: "illuminati/fnord:1.1.0", digest: "sha256:abc", account: prod}
        - {image: "illuminati/other:2", registry: elsewhere}
        """));

    assertThat(cloud.images("testregistry", "illuminati/fnord")).extracting(DockerImage::tag, DockerImage::digest)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("1.0.0", digestOf("illuminati/fnord:1.0.0")));
    assertThat(cloud.images("prodregistry", "illuminati/fnord")).extracting(DockerImage::tag)
        .containsExactlyInAnyOrder("1.0.0", "1.1.0");
    assertThat(sim.digest("prodregistry", "illuminati/fnord", "1.1.0")).contains("sha256:abc");
    assertThat(cloud.images("elsewhere", "illuminati/other")).hasSize(1);
  }

  @Test
  void seededSecurityGroupsLiveInTheBackingAwsAccount() {
    simulator.seed(yaml("""
        accounts:
        - {name: titusprod, awsAccount: prod, regions: [us-east-1]}
        securityGroups:
        - {name: fnord, account: titusprod}
        - {name: fnord-elb, awsAccount: test, regions: [us-west-2]}
        """));

    assertThat(cloud.securityGroupExists("prod", "us-east-1", "fnord")).isTrue();
    assertThat(cloud.securityGroupExists("test", "us-west-2", "fnord-elb")).isTrue();
    assertThat(cloud.securityGroupExists("test", "us-east-1", "fnord-elb")).isFalse();
  }

  @Test
  void seededContainerExitCodesDecideTestContainers() {
    simulator.seed(yaml("""
        settings: {batchDuration: 1m}
        containerExits: [{image: "acme/widget:broken", exitCode: 3}]
        """));
    String job = cloud.runJob(new BatchJob("test", "us-east-1", "acme", "acme/widget:broken", null, Map.of()));
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(cloud.job(job).orElseThrow().exitCode()).isEqualTo(3);
  }

  @Test
  void aSeededJobRunsWithWhatThePluginsResolversWouldAdd() {
    simulator.seed(yaml("""
        serverGroups:
        - account: test
          region: us-west-2
          cluster: fnord-main
          image: "illuminati/fnord:1.0.0"
          capacity: {min: 2, max: 2, desired: 2}
          env: {A: "1"}
          resources: {cpu: 2, memory: 4096}
          tags: {team: delivery}
        """));

    TitusServerGroupState job = cloud.serverGroups("test", "us-west-2", "fnord-main").get(0);
    assertThat(job.name()).isEqualTo("fnord-main-v000");
    assertThat(job.enabled()).isTrue();
    assertThat(job.instances().up()).isEqualTo(2);
    TitusServerGroup m = job.model();
    assertThat(m.container().repository()).isEqualTo("illuminati/fnord");
    assertThat(m.container().digest()).isEqualTo(digestOf("illuminati/fnord:1.0.0"));
    assertThat(m.artifactVersion()).isEqualTo("1.0.0");
    assertThat(m.capacity()).isEqualTo(new Capacity(2, 2, 2));
    assertThat(m.capacityGroup()).isEqualTo("fnord");
    assertThat(m.env()).containsEntry("A", "1").containsEntry("EC2_REGION", "us-west-2")
        .containsEntry("SPINNAKER_ACCOUNT", "test");
    assertThat(m.containerAttributes()).containsEntry("titusParameter.agent.accountId", "123456789012")
        .containsEntry("titusParameter.agent.assignIPv6Address", "true");
    assertThat(m.resources()).isEqualTo(new ResourcesSpec(2, 4096, 10000, 0, 128));
    assertThat(sim.digest("testregistry", "illuminati/fnord", "1.0.0")).contains(m.container().digest());
  }

  @Test
  void jobsOfOneClusterAreSeededOldestFirstAndDeploysContinueTheSequence() {
    simulator.seed(yaml("""
        serverGroups:
        - {account: test, region: us-east-1, cluster: fnord-main, image: "illuminati/fnord:1", enabled: false}
        - {account: test, region: us-east-1, name: fnord-main-v003, image: "illuminati/fnord", digest: "sha256:2",
           healthy: false}
        """));

    List<TitusServerGroupState> jobs = cloud.serverGroups("test", "us-east-1", "fnord-main");
    assertThat(jobs).extracting(TitusServerGroupState::name).containsExactly("fnord-main-v000", "fnord-main-v003");
    assertThat(jobs.get(0).enabled()).isFalse();
    assertThat(jobs.get(1).instances().up()).isZero();
    assertThat(jobs.get(1).model().container().digest()).isEqualTo("sha256:2");

    deploy();
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(sim.truth("test", "us-east-1", "fnord-main")).extracting(TitusServerGroupState::name).contains("fnord-main-v004");
  }

  @Test
  void seededJobsAreVisibleAtOnceWhateverTheReadLag() {
    simulator.seed(yaml("""
        settings: {readLag: 5m}
        serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: "illuminati/fnord:1"}]
        """));

    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).hasSize(1);
  }

  @Test
  void badSectionsAreReportedByPathFirst() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("registries: []", "registries: unknown key; expected one of settings, accounts, images"),
        Map.entry("settings: {batchDuration: 3}", "settings.batchDuration: expected a duration such as 90s"),
        Map.entry("accounts: [{name: x}]", "accounts[0].regions: expected a list of at least one region"),
        Map.entry("images: [{image: fnord}]", "images[0].image: expected organization/image:tag, got 'fnord'"),
        Map.entry("images: [{image: \"a/b:1\", account: nobody}]", "images[0].account: expected a known account"),
        Map.entry("securityGroups: [{name: x}]", "securityGroups[0].account: expected either account"),
        Map.entry("containerExits: [{image: \"a/b:1\", exitCode: one}]",
            "containerExits[0].exitCode: expected a whole number, got 'one'"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: \"a/b\"}]",
            "serverGroups[0].image: expected organization/image:tag (or a digest beside it), got 'a/b'"),
        Map.entry("serverGroups: [{account: test, region: mars-1, cluster: fnord-main, image: \"a/b:1\"}]",
            "serverGroups[0].region: expected a region of account test (eu-west-1, us-east-1, us-west-1, us-west-2;"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: \"a/b:1\","
            + " resources: {cpu: 100}}]", "serverGroups[0].resources.cpu: expected a whole number from 1 to 64, got 100"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: \"a/b:1\","
            + " capacity: {min: 2, desired: 1}}]", "serverGroups[0].capacity: expected 0 <= min <= desired <= max"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: \"a/b:1\","
            + " environment: {}}]", "serverGroups[0].environment: unknown key; expected one of account, region"));
    cases.forEach((section, message) -> assertThatThrownBy(() -> simulator.seed(yaml(section))).as(section)
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message));
  }

  // ---- prepare and published ---------------------------------------------------------------------------

  /** A locatable spec, as a cluster's. */
  record LocatedSpec(String id, Locations locations) implements Locatable {
    @Override
    public String application() {
      return "fnord";
    }
  }

  private static Resource<LocatedSpec> located(String kind, String account, String... regions) {
    Set<RegionSpec> set = new LinkedHashSet<>();
    for (String r : regions) {
      set.add(new RegionSpec(r));
    }
    return new Resource<>(ResourceKind.parse(kind), Map.of(Resource.APPLICATION, "fnord"),
        new LocatedSpec("fnord-" + account, new Locations(account, null, null, set)));
  }

  private static DeliveryConfig config(Resource<?>... resources) {
    return new DeliveryConfig("fnord", "fnord-manifest", "me@example.com", List.of(), List.of(
        new Environment("test", List.of(resources), List.of(), List.of(), List.of(), null)));
  }

  @Test
  void prepareAddsTheAccountsAndRegionsOfTitusResourcesOnly() {
    simulator.prepare(config(located("titus/cluster@v1", "titusstaging", "us-east-1", "eu-central-1"),
        located("titus/cluster@v1", "test", "ap-south-1"), located("ec2/cluster@v1.1", "ec2only", "us-east-1")));

    assertThat(cloud.account("titusstaging")).hasValueSatisfying(a -> {
      assertThat(a.registry()).isEqualTo("titusstagingregistry");
      assertThat(a.awsAccount()).isEqualTo("titusstaging");
    });
    assertThat(cloud.regions("titusstaging")).containsExactly("eu-central-1", "us-east-1");
    assertThat(cloud.regions("test")).contains("ap-south-1", "us-east-1");
    assertThat(cloud.account("ec2only")).isEmpty();
  }

  @Test
  void aPublishedDockerVersionIsPushedToEveryRegistryIncludingThoseOfAccountsAddedLater() {
    simulator.published(new DockerArtifact("illuminati/fnord", null, TagVersionStrategy.SEMVER_TAG, null, null),
        "1.2.0");
    simulator.published(new DebianArtifact("fnord", null, null, Set.of(), null), "1.2.0");
    simulator.prepare(config(located("titus/cluster@v1", "titusstaging", "us-east-1")));

    String digest = digestOf("illuminati/fnord:1.2.0");
    for (String registry : List.of("testregistry", "prodregistry", "titusstagingregistry")) {
      assertThat(cloud.images(registry, "illuminati/fnord")).as(registry).extracting(DockerImage::tag,
          DockerImage::digest).containsExactly(org.assertj.core.groups.Tuple.tuple("1.2.0", digest));
    }
    assertThat(cloud.images("testregistry", "fnord")).isEmpty();

    simulator.published(new DockerArtifact("illuminati/fnord", null, TagVersionStrategy.SEMVER_TAG, null, null),
        "1.2.0");
    assertThat(cloud.images("testregistry", "illuminati/fnord")).hasSize(1);
  }

  // ---- actions -----------------------------------------------------------------------------------------

  @Test
  void failMakesTheNextStagesOfAnOperationFail() {
    String said = simulator.apply("fail", yaml("{operation: createServerGroup, message: boom, count: 2}"));
    TaskExecution first = deploy();
    TaskExecution second = deploy();
    scheduler.advance(Duration.ofMinutes(10));
    TaskExecution third = deploy();
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(said).isEqualTo("next 2 createServerGroup stage(s) fail: boom");
    assertThat(sim.task(first.id()).orElseThrow().failure()).isEqualTo("Stage createServerGroup failed: boom");
    assertThat(state(second)).isEqualTo(TaskExecution.State.TERMINAL);
    assertThat(state(third)).isEqualTo(TaskExecution.State.SUCCEEDED);
    assertThatThrownBy(() -> simulator.apply("fail", yaml("{operation: bake}")))
        .hasMessageStartingWith("operation: expected one of createServerGroup,").hasMessageEndingWith("got 'bake'");
  }

  @Test
  void failReadsMakesTheNextReadsFail() {
    assertThat(simulator.apply("failReads", Map.of())).isEqualTo("next 1 read(s) fail");

    assertThatThrownBy(() -> cloud.serverGroups("test", "us-east-1", "fnord-main"))
        .isInstanceOf(TitusReadException.class);
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
  }

  @Test
  void unhealthyKeepsNewTasksUnhealthyUntilTurnedOff() {
    assertThat(simulator.apply("unhealthy", Map.of())).isEqualTo("tasks launched from now on never become healthy");
    TaskExecution sick = deploy();
    scheduler.advance(Duration.ofMinutes(40));
    simulator.apply("unhealthy", yaml("{value: false}"));
    TaskExecution well = deploy();
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(sim.task(sick.id()).orElseThrow().failure()).contains("did not become healthy");
    assertThat(state(well)).isEqualTo(TaskExecution.State.SUCCEEDED);
  }

  @Test
  void resizeEnableAndDisableChangeAJobByHand() {
    simulator.seed(yaml("""
        serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, image: "illuminati/fnord:1"}]
        """));
    Map<String, Object> where = Map.of("account", "test", "region", "us-east-1", "serverGroup", "fnord-main-v000");

    assertThat(simulator.apply("resize", yaml("{account: test, region: us-east-1, serverGroup: fnord-main-v000,"
        + " desired: 4}"))).isEqualTo("fnord-main-v000 in test/us-east-1 resized by hand to 4");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).instances().total()).isEqualTo(4);
    assertThat(simulator.apply("disable", where)).isEqualTo("fnord-main-v000 in test/us-east-1 disabled by hand");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).enabled()).isFalse();
    assertThat(simulator.apply("enable", where)).isEqualTo("fnord-main-v000 in test/us-east-1 enabled by hand");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).enabled()).isTrue();
    assertThatThrownBy(() -> simulator.apply("enable", yaml("{account: test, region: us-east-1,"
        + " serverGroup: fnord-main-v007}"))).hasMessage("serverGroup: expected a server group in test/us-east-1"
            + " (fnord-main-v000), got 'fnord-main-v007'");
  }

  @Test
  void serverGroupPushContainerExitsAndSettingsActionsChangeTheCloudNow() {
    assertThat(simulator.apply("serverGroup", yaml("{account: prod, region: eu-west-1, cluster: fnord-main,"
        + " image: \"illuminati/fnord:1\"}"))).isEqualTo("server group fnord-main-v000 in prod/eu-west-1 deployed by"
            + " hand");
    assertThat(simulator.apply("push", yaml("{image: \"illuminati/fnord:2\", account: test}")))
        .isEqualTo("image illuminati/fnord:2 (" + digestOf("illuminati/fnord:2") + ") pushed to testregistry");
    assertThat(simulator.apply("containerExits", yaml("{image: \"illuminati/fnord-test:2\", exitCode: 1}")))
        .isEqualTo("containers of illuminati/fnord-test:2 exit with 1");
    assertThat(simulator.apply("settings", yaml("{stageDuration: 5s, readLag: 1m}")))
        .isEqualTo("settings: stageDuration 5s, readLag 1m");
    assertThatThrownBy(() -> simulator.apply("explode", Map.of()))
        .hasMessageStartingWith("Unknown titus action 'explode'; expected one of fail, failReads");
  }

  @Test
  void offersItsSimulatedTitusAsTheTitusCloudOfTheTitusPlugin() {
    TitusSimulator simulator = new TitusSimulator(sim);

    assertThat(simulator.clouds()).containsExactly(Map.entry(TitusCloud.class, sim));
    assertThat(simulator.active()).isTrue();
  }
}
