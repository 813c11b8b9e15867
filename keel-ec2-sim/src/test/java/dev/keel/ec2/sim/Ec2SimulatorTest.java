package dev.keel.ec2.sim;

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
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ReadException;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.TagVersionStrategy;
import dev.keel.spi.model.VirtualMachineOptions;
import dev.keel.testkit.VirtualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The EC2 simulator as a host drives it: seeded from plain values, read back through the cloud port. */
class Ec2SimulatorTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final VirtualScheduler scheduler = new VirtualScheduler(Instant.parse("2026-01-05T09:00:00Z"));
  private final SimulatedEc2 sim = SimulatedEc2.withDefaults(scheduler.clock());
  private final Ec2Cloud cloud = sim;
  private final Ec2Simulator simulator = new Ec2Simulator(sim);
  private int submissions;

  @AfterEach
  void close() {
    scheduler.close();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    try {
      Map<String, Object> m = YAML.readValue(text, Map.class);
      return m == null ? Map.of() : m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Ec2ServerGroup model(String ami, String region) {
    return new Ec2ServerGroup("fnord-main", new Location("test", region, "vpc0", "internal (vpc0)", Set.of()),
        new LaunchConfiguration(ami, "fnord-" + ami, null, "m5.large", false, "fnordInstanceProfile", "key", false, null,
            false), new Capacity(2, 2, 2), ClusterDependencies.NONE, Health.DEFAULT, Set.of(), Scaling.NONE, Map.of(),
        true, "fnord-" + ami);
  }

  private TaskExecution deploy(String ami) {
    var op = new ServerGroupOperation.CreateServerGroup<>(model(ami, "us-east-1"), DeployStrategy.RedBlack.DEFAULT, null,
        new DeployWave("us-east-1", null, null, null));
    return sim.submit(new TaskRequest("fnord", "deploy " + ami, "c" + (++submissions), List.of(op), null, null, null));
  }

  private TaskExecution.State state(TaskExecution task) {
    return sim.task(task.id()).orElseThrow().state();
  }

  // ---- seeding -----------------------------------------------------------------------------------------

  @Test
  void isNamedEc2AndActiveOnASimulatedCloud() {
    assertThat(simulator.name()).isEqualTo("ec2");
    assertThat(simulator.active()).isTrue();
    assertThat(simulator.actions()).containsKeys("fail", "failBakes", "failReads", "unhealthy", "resize", "enable",
        "disable", "serverGroup", "image", "baseImage", "settings");
  }

  @Test
  void seededAccountsGetTheirRegionsDefaultVpcAndSubnets() {
    simulator.seed(yaml("""
        accounts:
        - name: staging
          regions: [us-east-1, ap-south-1]
          defaultKeyPair: staging-{{region}}
          accountId: "111122223333"
        """));

    assertThat(cloud.account("staging")).contains(new Catalog.Account("staging", "111122223333", "staging-{{region}}"));
    assertThat(cloud.regions("staging")).containsExactly("ap-south-1", "us-east-1");
    assertThat(cloud.network("staging", "ap-south-1", "vpc0")).isPresent();
    assertThat(cloud.subnets("staging", "ap-south-1")).extracting(Catalog.Subnet::purpose)
        .containsOnly("internal (vpc0)", "external (vpc0)");
    assertThat(cloud.subnets("staging", "ap-south-1")).extracting(Catalog.Subnet::availabilityZone)
        .contains("ap-south-1a", "ap-south-1b", "ap-south-1c");
  }

  @Test
  void seedingAKnownAccountAddsRegionsAndKeepsItsKeyPair() {
    simulator.seed(yaml("""
        accounts:
        - name: test
          regions: [ap-south-1]
        """));

    assertThat(cloud.regions("test")).contains("ap-south-1", "us-east-1", "us-west-2");
    assertThat(cloud.account("test").orElseThrow().defaultKeyPair()).isEqualTo("nf-keypair-{{region}}");
    assertThat(cloud.subnets("test", "us-east-1")).hasSize(6);
  }

  @Test
  void seededNetworksAddVpcsWithTheirSubnets() {
    simulator.seed(yaml("""
        networks:
        - account: test
          regions: [us-east-1]
          name: vpc5
          subnets: ["internal (vpc5)"]
          zones: [a, d]
        """));

    assertThat(cloud.network("test", "us-east-1", "vpc5")).isPresent();
    assertThat(cloud.subnets("test", "us-east-1")).filteredOn(s -> s.purpose().equals("internal (vpc5)"))
        .extracting(Catalog.Subnet::availabilityZone).containsExactly("us-east-1a", "us-east-1d");
  }

  @Test
  void seededImagesBaseImagesAndCertificatesAreReadThroughThePort() {
    simulator.seed(yaml("""
        certificates:
        - {account: test, name: fnord-cert}
        baseImages:
        - {os: bionic, label: release, name: bionicbase-release-2}
        images:
        - appVersion: fnord-1.0.0-h1.abc
          id: ami-0001
          regions: [us-east-1, us-west-2]
        - appVersion: fnord-1.1.0-h2.def
          amis: {us-east-1: ami-0011}
          baseOs: bionic
        - appVersion: fnord-1.2.0-h3.aaa
          account: prod
        """));

    assertThat(cloud.certificate("test", "fnord-cert")).isPresent();
    assertThat(cloud.baseImage("bionic", "release").orElseThrow().name()).isEqualTo("bionicbase-release-2");
    assertThat(cloud.findImages("fnord-1.0.0-h1.abc", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsEntry("us-east-1", "ami-0001")
            .containsEntry("us-west-2", "ami-0001"));
    assertThat(cloud.findImages("fnord-1.1.0-h2.def", "test")).singleElement().satisfies(i -> {
      assertThat(i.amis()).containsExactly(Map.entry("us-east-1", "ami-0011"));
      assertThat(i.baseImageName()).isEqualTo("bionicbase-release-2");
    });
    assertThat(cloud.findImages("fnord-1.2.0-h3.aaa", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsOnlyKeys(cloud.regions("prod"))
            .allSatisfy((region, ami) -> assertThat(ami).matches("ami-[0-9a-f]{17}")));
  }

  @Test
  void securityGroupsMayReferenceEachOtherInAnyOrder() {
    simulator.seed(yaml("""
        securityGroups:
        - name: fnord
          account: test
          region: us-east-1
          description: fnord's group
          inboundRules:
          - {protocol: tcp, portRange: {startPort: 7001, endPort: 7002}}
          - {protocol: tcp, name: fnord-elb, portRange: {startPort: 7001}}
          - {protocol: tcp, blockRange: 10.0.0.0/8}
        - name: fnord-elb
          account: test
        """));

    SecurityGroup fnord = cloud.securityGroup("test", "us-east-1", "vpc0", "fnord").orElseThrow();
    assertThat(fnord.description()).isEqualTo("fnord's group");
    assertThat(fnord.inboundRules()).containsExactlyInAnyOrder(
        new SecurityGroupRule("tcp", new PortRange(7001, 7002), "fnord", null, null, null, null, null),
        new SecurityGroupRule("tcp", new PortRange(7001, 7001), "fnord-elb", null, null, null, null, null),
        new SecurityGroupRule("tcp", null, null, null, null, "10.0.0.0/8", null, null));
    assertThat(cloud.regions("test")).allSatisfy(r ->
        assertThat(cloud.securityGroup("test", r, "vpc0", "fnord-elb")).as(r).isPresent());
  }

  @Test
  void aSeededServerGroupRunsWithKeelsDefaultsFilledIn() {
    simulator.seed(yaml("""
        serverGroups:
        - account: test
          region: us-east-1
          cluster: fnord-main
          appVersion: fnord-1.0.0-h1.abc
          capacity: {min: 2, max: 4, desired: 3}
          tags: {team: delivery}
        """));

    Ec2ServerGroupState g = cloud.serverGroups("test", "us-east-1", "fnord-main").get(0);
    assertThat(g.name()).isEqualTo("fnord-main-v000");
    assertThat(g.enabled()).isTrue();
    assertThat(g.instances().up()).isEqualTo(3);
    assertThat(g.createdAt()).isBefore(scheduler.clock().instant());
    Ec2ServerGroup m = g.model();
    assertThat(m.capacity()).isEqualTo(new Capacity(2, 4, 3));
    assertThat(m.location()).isEqualTo(new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
        Set.of("us-east-1a", "us-east-1b", "us-east-1c")));
    assertThat(m.launchConfiguration().instanceType()).isEqualTo("m5.large");
    assertThat(m.launchConfiguration().keyPair()).isEqualTo("nf-keypair-us-east-1");
    assertThat(m.launchConfiguration().iamRole()).isEqualTo("fnordInstanceProfile");
    assertThat(m.artifactVersion()).isEqualTo("fnord-1.0.0-h1.abc");
    assertThat(m.tags()).containsEntry("team", "delivery");
    assertThat(cloud.findImages("fnord-1.0.0-h1.abc", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsEntry("us-east-1", m.launchConfiguration().imageId()));
  }

  @Test
  void serverGroupsOfOneClusterAreSeededOldestFirstWithIncreasingSequences() {
    simulator.seed(yaml("""
        serverGroups:
        - {account: test, region: us-east-1, moniker: {app: fnord, stack: main}, image: {id: ami-1}, enabled: false}
        - {account: test, region: us-east-1, name: fnord-main-v005, image: {id: ami-2, appVersion: fnord-2.0.0},
           healthy: false}
        """));

    List<Ec2ServerGroupState> groups = cloud.serverGroups("test", "us-east-1", "fnord-main");
    assertThat(groups).extracting(Ec2ServerGroupState::name).containsExactly("fnord-main-v000", "fnord-main-v005");
    assertThat(groups.get(0).enabled()).isFalse();
    assertThat(groups.get(0).model().suspendedProcesses()).containsAll(Ec2ServerGroup.DISABLED_PROCESSES);
    assertThat(groups.get(1).instances().up()).isZero();
    assertThat(groups.get(1).model().launchConfiguration().imageId()).isEqualTo("ami-2");
    assertThat(cloud.findImages("fnord-2.0.0", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsExactly(Map.entry("us-east-1", "ami-2")));

    deploy("ami-3");
    scheduler.advance(Duration.ofMinutes(10));
    assertThat(sim.truth("test", "us-east-1", "fnord-main")).extracting(Ec2ServerGroupState::name)
        .contains("fnord-main-v006");
  }

  @Test
  void settingsChangeHowTheCloudBehaves() {
    simulator.seed(yaml("""
        settings: {readLag: 3m, stageDuration: 10s, bootTime: 1m, bakeDuration: 5m}
        """));
    TaskExecution task = deploy("ami-1");

    scheduler.advance(Duration.ofSeconds(10));
    assertThat(sim.truth("test", "us-east-1", "fnord-main")).hasSize(1);
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
    scheduler.advance(Duration.ofMinutes(1).plusSeconds(10));
    assertThat(state(task)).isEqualTo(TaskExecution.State.SUCCEEDED);
    scheduler.advance(Duration.ofMinutes(3));
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).hasSize(1);
  }

  @Test
  void whatIsSeededIsVisibleAtOnceWhateverTheReadLagWhileChangesByHandLag() {
    simulator.seed(yaml("""
        settings: {readLag: 5m}
        securityGroups: [{name: fnord, account: test, region: us-east-1}]
        serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, appVersion: fnord-1.0.0}]
        """));

    assertThat(cloud.securityGroup("test", "us-east-1", "vpc0", "fnord")).isPresent();
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).singleElement()
        .satisfies(g -> assertThat(g.desiredInstances()).isEqualTo(1));
    simulator.apply("resize", yaml("{account: test, region: us-east-1, serverGroup: fnord-main-v000, desired: 3}"));
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).desiredInstances()).isEqualTo(1);
    scheduler.advance(Duration.ofMinutes(5));
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).desiredInstances()).isEqualTo(3);
  }

  // ---- bad sections ------------------------------------------------------------------------------------

  @Test
  void badSectionsAreReportedByPathFirst() {
    Map<String, String> cases = Map.ofEntries(
        Map.entry("acounts: []", "acounts: unknown key; expected one of settings, accounts, networks"),
        Map.entry("settings: {bootTime: soon}", "settings.bootTime: expected a duration such as 90s"),
        Map.entry("accounts: [{name: x}]", "accounts[0].regions: expected a list of at least one region"),
        Map.entry("accounts: [{name: x, regions: us-east-1}]", "accounts[0].regions: expected a list, got 'us-east-1'"),
        Map.entry("images: [{id: ami-1}]", "images[0].appVersion: expected a string, got nothing"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, appVersion: v1,"
            + " capacity: {desired: x}}]", "serverGroups[0].capacity.desired: expected a whole number, got 'x'"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, appVersion: v1,"
            + " capacity: {min: 3, max: 2}}]", "serverGroups[0].capacity: expected 0 <= min <= desired <= max"),
        Map.entry("serverGroups: [{account: tst, region: us-east-1, cluster: fnord-main, appVersion: v1}]",
            "serverGroups[0].account: expected a known account (test, prod, prod-account, testaccount;"),
        Map.entry("serverGroups: [{account: test, region: us-east-9, cluster: fnord-main, appVersion: v1}]",
            "serverGroups[0].region: expected a region of account test (eu-west-1, us-east-1, us-west-1, us-west-2;"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main}]",
            "serverGroups[0].image: expected an image {id, appVersion, baseImageName} or an appVersion, got nothing"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, appVersion: v1,"
            + " subnet: dmz}]", "serverGroups[0].subnet: expected one of external (vpc0), internal (vpc0)"),
        Map.entry("serverGroups: [{account: test, region: us-east-1, cluster: fnord-main, appVersion: v1,"
            + " capcity: {}}]", "serverGroups[0].capcity: unknown key; expected one of account, region"),
        Map.entry("securityGroups: [{name: a, account: test, inboundRules: [{protocol: tcp, name: nope}]}]",
            "securityGroups[0].inboundRules[0].name: no security group nope in test/"),
        Map.entry("securityGroups: [{name: a, account: test, inboundRules: [{protocol: tcp,"
            + " portRange: {startPort: 9, endPort: 1}}]}]",
            "securityGroups[0].inboundRules[0].portRange: expected 0 <= startPort <= endPort <= 65535, got 9-1"));
    cases.forEach((section, message) -> assertThatThrownBy(() -> simulator.seed(yaml(section))).as(section)
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message));
  }

  @Test
  void aMalformedSectionChangesNothing() {
    assertThatThrownBy(() -> simulator.seed(yaml("""
        accounts: [{name: staging, regions: [us-east-1]}]
        serverGroups: [{account: staging, region: us-east-1, cluster: fnord-main, appVersion: v1, enabled: maybe}]
        """))).hasMessageStartingWith("serverGroups[0].enabled: expected true or false, got 'maybe'");

    assertThat(cloud.account("staging")).isEmpty();
  }

  // ---- prepare and published ---------------------------------------------------------------------------

  private static Resource<LocatedSpec> located(String kind, String account, String... regions) {
    Set<RegionSpec> set = new java.util.LinkedHashSet<>();
    for (String r : regions) {
      set.add(new RegionSpec(r));
    }
    return new Resource<>(ResourceKind.parse(kind), Map.of(Resource.APPLICATION, "fnord"),
        new LocatedSpec("fnord-" + account, new Locations(account, null, null, set)));
  }

  /** A locatable spec, as a cluster's. */
  record LocatedSpec(String id, Locations locations) implements dev.keel.spi.model.Locatable {
    @Override
    public String application() {
      return "fnord";
    }
  }

  @Test
  void prepareAddsTheAccountsAndRegionsOfEc2ResourcesOnly() {
    var config = new DeliveryConfig("fnord", "fnord-manifest", "me@example.com", List.of(), List.of(
        new Environment("test", List.of(located("ec2/cluster@v1.1", "staging", "us-east-1", "eu-central-1"),
            located("ec2/security-group@v1", "test", "ap-south-1"),
            located("titus/cluster@v1", "titusstaging", "us-east-1")), List.of(), List.of(), List.of(), null)));

    simulator.prepare(config);

    assertThat(cloud.account("staging").orElseThrow().defaultKeyPair()).isEqualTo("nf-keypair-{{region}}");
    assertThat(cloud.regions("staging")).containsExactly("eu-central-1", "us-east-1");
    assertThat(cloud.regions("test")).contains("ap-south-1", "us-east-1");
    assertThat(cloud.account("titusstaging")).isEmpty();
  }

  @Test
  void aPublishedVersionOfAnUnbakedDebianArtifactGetsAnImageInEveryRegion() {
    simulator.published(new DebianArtifact("fnord", null, null, Set.of(), null), "1.0.0-h1.abc");
    simulator.published(new DebianArtifact("baked", null, new VirtualMachineOptions("bionic", "release", Set.of(
        "us-east-1"), "ebs", false), Set.of(), null), "1.0.0");
    simulator.published(new DockerArtifact("org/fnord", null, TagVersionStrategy.SEMVER_TAG, null, null), "1.0.0");

    assertThat(cloud.findImages("fnord-1.0.0-h1.abc", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsKeys("us-east-1", "us-west-2", "eu-west-1", "us-west-1"));
    assertThat(cloud.findImages("baked-1.0.0", "test")).isEmpty();

    simulator.published(new DebianArtifact("fnord", null, null, Set.of(), null), "fnord-1.0.0-h1.abc");
    assertThat(cloud.findImages("fnord-1.0.0-h1.abc", "test")).hasSize(1);
  }

  // ---- actions -----------------------------------------------------------------------------------------

  @Test
  void failMakesTheNextStagesOfAnOperationFail() {
    String said = simulator.apply("fail", yaml("{operation: createServerGroup, message: boom, count: 2}"));
    TaskExecution first = deploy("ami-1");
    TaskExecution second = deploy("ami-2");
    scheduler.advance(Duration.ofMinutes(10));
    TaskExecution third = deploy("ami-3");
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(said).isEqualTo("next 2 createServerGroup stage(s) fail: boom");
    assertThat(sim.task(first.id()).orElseThrow().failure()).isEqualTo("Stage createServerGroup failed: boom");
    assertThat(state(second)).isEqualTo(TaskExecution.State.TERMINAL);
    assertThat(state(third)).isEqualTo(TaskExecution.State.SUCCEEDED);
  }

  @Test
  void failNeedsAKnownOperation() {
    assertThatThrownBy(() -> simulator.apply("fail", yaml("{operation: createServergroup}")))
        .hasMessageStartingWith("operation: expected one of createServerGroup, resizeServerGroup")
        .hasMessageEndingWith("got 'createServergroup'");
    assertThatThrownBy(() -> simulator.apply("fail", yaml("{operation: bake, count: 0}")))
        .hasMessage("count: expected a whole number of at least 1, got 0");
    assertThatThrownBy(() -> simulator.apply("fail", yaml("{}")))
        .hasMessage("operation: expected a string, got nothing");
  }

  @Test
  void failBakesMakesTheNextBakesInARegionFail() {
    String said = simulator.apply("failBakes", yaml("{region: us-west-2, message: no capacity}"));
    TaskExecution bake = sim.submit(new TaskRequest("fnord", "bake", "bake:fnord-1.0.0", List.of(
        new Ec2Operation.Bake("test", List.of("us-east-1", "us-west-2"), "fnord", "fnord-1.0.0", "bionic", "release",
            "ebs")), null, null, null));
    scheduler.advance(Duration.ofMinutes(15));

    assertThat(said).isEqualTo("next 1 bake(s) in us-west-2 fail: no capacity");
    assertThat(sim.task(bake.id()).orElseThrow().failure()).contains("us-west-2: no capacity");
    assertThat(cloud.findImages("fnord-1.0.0", "test")).singleElement()
        .satisfies(i -> assertThat(i.amis()).containsOnlyKeys("us-east-1"));
  }

  @Test
  void failReadsMakesTheNextReadsFail() {
    assertThat(simulator.apply("failReads", yaml("{count: 2}"))).isEqualTo("next 2 read(s) fail");

    for (int read = 0; read < 2; read++) {
      assertThatThrownBy(() -> cloud.serverGroups("test", "us-east-1", "fnord-main"))
          .isInstanceOf(Ec2ReadException.class);
    }
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main")).isEmpty();
  }

  @Test
  void unhealthyKeepsNewInstancesUnhealthyUntilTurnedOff() {
    assertThat(simulator.apply("unhealthy", Map.of())).isEqualTo("instances launched from now on never become healthy");
    TaskExecution sick = deploy("ami-1");
    scheduler.advance(Duration.ofMinutes(40));
    simulator.apply("unhealthy", yaml("{value: false}"));
    TaskExecution well = deploy("ami-2");
    scheduler.advance(Duration.ofMinutes(10));

    assertThat(sim.task(sick.id()).orElseThrow().failure()).contains("did not become healthy");
    assertThat(state(well)).isEqualTo(TaskExecution.State.SUCCEEDED);
  }

  @Test
  void resizeEnableAndDisableChangeAServerGroupByHand() {
    simulator.seed(yaml("""
        serverGroups:
        - {account: test, region: us-east-1, cluster: fnord-main, appVersion: fnord-1.0.0, capacity: {min: 1, max: 3}}
        """));
    Map<String, Object> where = Map.of("account", "test", "region", "us-east-1", "serverGroup", "fnord-main-v000");

    String resized = simulator.apply("resize", yaml("{account: test, region: us-east-1, serverGroup: fnord-main-v000,"
        + " desired: 5}"));
    assertThat(resized).isEqualTo("fnord-main-v000 in test/us-east-1 resized by hand to 5");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).desiredInstances()).isEqualTo(5);

    assertThat(simulator.apply("disable", where)).isEqualTo("fnord-main-v000 in test/us-east-1 disabled by hand");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).enabled()).isFalse();
    assertThat(simulator.apply("enable", where)).isEqualTo("fnord-main-v000 in test/us-east-1 enabled by hand");
    assertThat(cloud.serverGroups("test", "us-east-1", "fnord-main").get(0).enabled()).isTrue();
  }

  @Test
  void actionsOnAMissingServerGroupNameTheArgument() {
    assertThatThrownBy(() -> simulator.apply("enable", yaml("{account: test, region: us-east-1,"
        + " serverGroup: fnord-main-v009}"))).hasMessage("serverGroup: expected a server group in test/us-east-1"
            + " (cluster fnord-main has none), got 'fnord-main-v009'");
    assertThatThrownBy(() -> simulator.apply("resize", yaml("{account: test, region: us-east-1}")))
        .hasMessage("serverGroup: expected a string, got nothing");
    assertThatThrownBy(() -> simulator.apply("resize", yaml("{account: test, region: us-east-1, serverGroup: x-v000,"
        + " size: 3}"))).hasMessage("size: unknown key; expected one of account, region, serverGroup, desired");
  }

  @Test
  void serverGroupImageBaseImageAndSettingsActionsChangeTheCloudNow() {
    assertThat(simulator.apply("serverGroup", yaml("{account: prod, region: eu-west-1, cluster: fnord-main,"
        + " appVersion: fnord-1.0.0}"))).isEqualTo("server group fnord-main-v000 in prod/eu-west-1 deployed by hand");
    assertThat(cloud.serverGroups("prod", "eu-west-1", "fnord-main")).hasSize(1);

    assertThat(simulator.apply("image", yaml("{appVersion: fnord-2.0.0, id: ami-2, regions: [us-east-1]}")))
        .isEqualTo("image fnord-2.0.0 in us-east-1 appeared");
    assertThat(cloud.findImages("fnord-2.0.0", "test")).hasSize(1);

    assertThat(simulator.apply("baseImage", yaml("{os: bionic, name: bionicbase-release-9}")))
        .isEqualTo("base image bionic/release is now bionicbase-release-9");
    assertThat(cloud.baseImage("bionic", "release").orElseThrow().name()).isEqualTo("bionicbase-release-9");

    assertThat(simulator.apply("settings", yaml("{readLag: 90s, bootTime: 1h30m}")))
        .isEqualTo("settings: bootTime 1h30m, readLag 1m30s");
  }

  @Test
  void anUnknownActionListsTheKnownOnes() {
    assertThatThrownBy(() -> simulator.apply("explode", Map.of()))
        .hasMessageStartingWith("Unknown ec2 action 'explode'; expected one of fail, failBakes, failReads");
  }

  // ---- clouds ------------------------------------------------------------------------------------------

  @Test
  void offersItsSimulatedEc2AsTheEc2CloudOfTheEc2Plugin() {
    Ec2Simulator simulator = new Ec2Simulator(sim);

    assertThat(simulator.clouds()).containsExactly(Map.entry(Ec2Cloud.class, sim));
    assertThat(simulator.active()).isTrue();
  }
}
