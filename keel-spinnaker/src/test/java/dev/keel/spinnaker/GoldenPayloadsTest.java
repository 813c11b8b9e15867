package dev.keel.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.spinnaker.ec2.Ec2Names;
import dev.keel.spinnaker.ec2.Ec2Reads;
import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.orca.OrcaExecution;
import dev.keel.spinnaker.orca.OrcaStatus;
import dev.keel.spinnaker.titus.TitusReads;
import dev.keel.titus.api.ScalingPolicyRef;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every upstream payload of fixtures/spinnaker-payloads, parsed into the ports' models, fields checked. */
class GoldenPayloadsTest {

  /** Names as Clouddriver's catalog would give them. */
  static final Ec2Names NAMES = new Ec2Names() {
    @Override
    public String vpcName(String vpcId) {
      return Map.of("vpc-1e08e31b", "vpc0", "vpc-63a3922f", "vpc0", "vpc-dbf6dbd", "vpc0", "vpc-11111111", "vpc0",
          "vpc-12345678", "vpc0").getOrDefault(vpcId, vpcId);
    }

    @Override
    public String subnetPurpose(String subnetId) {
      return "internal (vpc0)";
    }

    @Override
    public String securityGroupName(String account, String region, String id) {
      return Map.of("sg-11111111111111111", "keeldemo-elb").getOrDefault(id, id);
    }

    @Override
    public String certificateName(String arn) {
      return arn;
    }
  };

  private final Ec2Reads reads = new Ec2Reads(NAMES);

  @Test
  void aCidrRuleIsTheRangesIpAndPrefixWithAllProtocolsAndPorts() {
    SecurityGroup sg = reads.securityGroup(Payloads.load("sg-with-cidr.json"));

    assertThat(sg.name()).isEqualTo("keel-test-sg");
    assertThat(sg.account()).isEqualTo("test");
    assertThat(sg.region()).isEqualTo("us-west-2");
    assertThat(sg.vpc()).isEqualTo("vpc0");
    assertThat(sg.description()).isEqualTo("Security group with CIDR rules");
    assertThat(sg.inboundRules()).containsExactly(
        new SecurityGroupRule("ALL", PortRange.ALL, null, null, null, "104.24.115.229/24", null, null));
    assertThat(sg.inboundRules().iterator().next().type("test")).isEqualTo(SecurityGroupRule.Type.CIDR);
  }

  @Test
  void aReferenceToAnotherGroupIsOneRulePerPortRange() {
    SecurityGroup sg = reads.securityGroup(Payloads.load("sg-with-ref.json"));

    assertThat(sg.name()).isEqualTo("keel");
    assertThat(sg.inboundRules()).containsExactlyInAnyOrder(
        new SecurityGroupRule("TCP", new PortRange(7001, 7001), "keel-elb", null, null, null, null, null),
        new SecurityGroupRule("TCP", new PortRange(7002, 7002), "keel-elb", null, null, null, null, null));
    assertThat(sg.inboundRules()).allMatch(r -> r.type("test") == SecurityGroupRule.Type.REFERENCE);
  }

  @Test
  void aSelfReferenceNamesTheGroupItself() {
    SecurityGroup sg = reads.securityGroup(Payloads.load("sg-with-self-ref.json"));

    assertThat(sg.account()).isEqualTo("mgmttest");
    assertThat(sg.inboundRules()).containsExactly(
        new SecurityGroupRule("TCP", new PortRange(6565, 6565), "keel", null, null, null, null, null));
    assertThat(sg.inboundRules().iterator().next().type("mgmttest")).isEqualTo(SecurityGroupRule.Type.REFERENCE);
  }

  @Test
  void applicationLoadBalancersHaveATypeAndClassicOnesHaveNone() {
    List<JsonView> all = Payloads.load("loadBalancers.json").list(null);

    assertThat(all).hasSize(10);
    assertThat(all.stream().filter(Ec2Reads::isClassic).map(j -> j.text("name") + "/" + j.text("region")))
        .containsExactlyInAnyOrder("keeldemo-main-clb/us-east-1", "keeldemo-main-clb/us-west-2",
            "keeldemo-prestaging-clb/us-east-1", "keeldemo-prestaging-clb/us-west-2", "keeldemo-test-clb/us-west-2",
            "keeldemo-test-clb/us-east-1");
    assertThat(all.stream().filter(Ec2Reads::isApplication).map(j -> j.text("name") + "/" + j.text("region")))
        .containsExactlyInAnyOrder("keeldemo-prestaging-alb/us-east-1", "keeldemo-prestaging-alb/us-west-2",
            "keeldemo-test-alb/us-west-2", "keeldemo-test-alb/us-east-1");
  }

  @Test
  void aClassicLoadBalancerReadsItsListenersHealthCheckAndGroups() {
    ClassicLoadBalancer clb = reads.classicLoadBalancer(Payloads.load("loadBalancers.json").list(null).get(0));

    assertThat(clb.name()).isEqualTo("keeldemo-main-clb");
    assertThat(clb.location().account()).isEqualTo("test");
    assertThat(clb.location().region()).isEqualTo("us-east-1");
    assertThat(clb.location().vpc()).isEqualTo("vpc0");
    assertThat(clb.location().subnet()).isEqualTo("internal (vpc0)");
    assertThat(clb.location().availabilityZones()).containsExactly("us-east-1c", "us-east-1d", "us-east-1e");
    assertThat(clb.internal()).isTrue();
    assertThat(clb.securityGroupNames()).containsExactly("keeldemo-elb");
    assertThat(clb.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(clb.listeners()).containsExactly(new ClassicLoadBalancerSpec.Listener("HTTP", 8080, "HTTP", 80, null));
    assertThat(clb.healthCheck()).isEqualTo(new ClassicLoadBalancerSpec.HealthCheck("HTTP:8080/admin/health",
        Duration.ofSeconds(10), 5, 2, Duration.ofSeconds(5)));
  }

  @Test
  void anApplicationLoadBalancerReadsListenersWithoutDefaultRulesAndItsTargetGroups() {
    ApplicationLoadBalancer alb = reads.applicationLoadBalancer(
        Payloads.load("loadBalancers.json").list(null).get(2));

    assertThat(alb.name()).isEqualTo("keeldemo-prestaging-alb");
    assertThat(alb.internal()).isTrue();
    assertThat(alb.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(alb.securityGroupNames()).containsExactly("keeldemo-elb");
    assertThat(alb.listeners()).hasSize(1);
    ApplicationLoadBalancerSpec.Listener listener = alb.listeners().iterator().next();
    assertThat(listener.port()).isEqualTo(80);
    assertThat(listener.protocol()).isEqualTo("HTTP");
    assertThat(listener.certificate()).isNull();
    assertThat(listener.rules()).isEmpty();
    assertThat(listener.defaultActions()).extracting(ApplicationLoadBalancerSpec.Action::type)
        .containsExactly("forward", "redirect");
    assertThat(listener.defaultActions().get(0).targetGroupName()).isEqualTo("keeldemo-prestaging");
    assertThat(listener.defaultActions().get(1).redirectConfig()).isEqualTo(new ApplicationLoadBalancerSpec
        .RedirectConfig("HTTPS", "#{host}", "443", "/#{path}", "#{query}", "HTTP_301"));
    assertThat(alb.targetGroups()).hasSize(1);
    ApplicationLoadBalancerSpec.TargetGroup tg = alb.targetGroups().iterator().next();
    assertThat(tg.name()).isEqualTo("keeldemo-prestaging");
    assertThat(tg.port()).isEqualTo(8080);
    assertThat(tg.healthCheckPort()).isEqualTo(8080);
    assertThat(tg.healthCheckPath()).isEqualTo("/admin/health");
    assertThat(tg.healthCheckHttpCode()).isEqualTo("200-299");
    assertThat(tg.healthCheckInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(tg.healthyThresholdCount()).isEqualTo(10);
    assertThat(tg.unhealthyThresholdCount()).isEqualTo(2);
    assertThat(tg.attributes().deregistrationDelay()).isEqualTo(300);
    assertThat(tg.attributes().stickinessEnabled()).isFalse();
    assertThat(tg.attributes().properties()).containsEntry("load_balancing.algorithm.type", "round_robin");
  }

  @Test
  void namedImagesAreTheAppVersionsTagsNewestFirstAndOtherPackagesAreLeftOut() {
    List<Catalog.Image> images = Ec2Reads.images(Payloads.load("named-images.json").list(null),
        "keel-0.312.0-h240.44eaaa3");

    assertThat(images).extracting(Catalog.Image::name).containsExactly(
        "keel-0.312.0-h240.44eaaa3-x86_64-20191025213914-xenial-hvm-sriov-ebs",
        "keel-0.312.0-h240.44eaaa3-x86_64-20191025213413-xenial-hvm-sriov-ebs",
        "keel-0.312.0-h240.44eaaa3-x86_64-20191025212812-xenial-hvm-sriov-ebs");
    assertThat(images).allMatch(i -> i.appVersion().equals("keel-0.312.0-h240.44eaaa3"));
    assertThat(images.get(0).amis()).isEqualTo(Map.of("us-east-1", "ami-08ce2848d92d61bde"));
    assertThat(images.get(1).amis()).isEqualTo(Map.of("us-east-1", "ami-0359a955c4706c30b",
        "us-west-2", "ami-09c6554a125f6dbe0"));
    assertThat(images.get(0).createdAt()).isEqualTo(Instant.parse("2019-10-25T21:43:10Z"));
  }

  private static final TitusReads TITUS = new TitusReads((aws, region, id) -> "name-of-" + id);

  @Test
  void aTitusServerGroupReadsItsJobContainerAndTargetTrackingPolicy() {
    TitusServerGroupState state = TITUS.serverGroup(Payloads.load("titus-active-server-group-with-scaling.json"),
        "titustestvpc");

    assertThat(state.name()).isEqualTo("mddemotitus-test-fletch-v000");
    assertThat(state.jobId()).isEqualTo("a0d4c686-8433-4fda-9abc-a3fd7cddb073");
    assertThat(state.enabled()).isTrue();
    assertThat(state.createdAt()).isEqualTo(Instant.ofEpochMilli(1624652138576L));
    var model = state.model();
    assertThat(model.location().account()).isEqualTo("titustestvpc");
    assertThat(model.location().region()).isEqualTo("us-east-1");
    assertThat(model.container().repository()).isEqualTo("spkr/mddemo-titus");
    assertThat(model.container().digest())
        .isEqualTo("sha256:4277dff57ca7fbd704e61d373c0970127deb00633b586d6b4981632fc5951356");
    assertThat(model.capacity()).isEqualTo(new Capacity(1, 3, null));
    assertThat(model.capacityGroup()).isEqualTo("mddemotitus");
    assertThat(model.env()).containsEntry("SPINNAKER_ACCOUNT", "titustestvpc");
    assertThat(model.containerAttributes()).containsEntry("titusParameter.agent.accountId", "946162892765");
    assertThat(model.resources().cpu()).isEqualTo(1);
    assertThat(model.resources().memory()).isEqualTo(512);
    assertThat(model.resources().networkMbps()).isEqualTo(128);
    assertThat(model.migrationPolicy().type()).isEqualTo("systemDefault");
    assertThat(model.dependencies().securityGroupNames()).containsExactly("name-of-sg-5781e573",
        "name-of-sg-c5abd14d", "name-of-sg-e3a7c527");
    assertThat(model.tags()).isEmpty();
    assertThat(state.instances().total()).isEqualTo(1);
    assertThat(state.instances().up()).isEqualTo(1);
    assertThat(state.policies()).containsExactly(new ScalingPolicyRef("9092c8f0-0586-4481-b040-8938392148b6",
        new TargetTrackingPolicy(2.0, false, Duration.ofSeconds(300), Duration.ofSeconds(300), null,
            new TargetTrackingPolicy.CustomMetric("AverageCPUUtilization", "NFLX/EPIC", "Average", null, Map.of())),
        null));
    assertThat(model.scaling().targetTrackingPolicies()).containsExactly(state.policies().get(0).targetTracking());
  }

  @Test
  void titusStepPoliciesReadTheirAlarmAndStepsAndTheServerGroupDimensionIsLeftOut() {
    TitusServerGroupState state = TITUS.serverGroup(
        Payloads.load("titus-active-server-group-with-complex-scaling.json"), "titustestvpc");

    assertThat(state.policies()).hasSize(3);
    assertThat(state.policies().get(0).targetTracking()).isEqualTo(new TargetTrackingPolicy(35.0, true,
        Duration.ofSeconds(300), Duration.ofSeconds(300), null,
        new TargetTrackingPolicy.CustomMetric("AverageCPUUtilization", "NFLX/EPIC", "Average", null, Map.of())));
    assertThat(state.policies().get(1).step()).isEqualTo(new StepScalingPolicy("PercentChangeInCapacity", true,
        "GreaterThanOrEqualToThreshold", Map.of(), 3, Duration.ofSeconds(60), 60, "AverageCPUUtilization",
        "NFLX/EPIC", "Average", Duration.ofSeconds(300), "Average",
        Set.of(new StepScalingPolicy.StepAdjustment(null, 0.0, 50))));
    assertThat(state.policies().get(2).id()).isEqualTo("2603abba-4516-42bd-9d85-9c48ad4999d5");
    assertThat(state.policies().get(2).step().stepAdjustments())
        .containsExactly(new StepScalingPolicy.StepAdjustment(null, 0.0, -3));
    assertThat(state.policies().get(2).step().cooldown()).isEqualTo(Duration.ofSeconds(120));
    assertThat(state.policies().get(2).step().evaluationPeriods()).isEqualTo(60);
    assertThat(state.model().scaling().count()).isEqualTo(3);
    assertThat(state.model().capacity().desired()).isNull();
  }

  @Test
  void aRunningDeployIsARunningTask() {
    OrcaExecution e = OrcaExecution.parse(Payloads.load("running-single-region-deploy.json"));

    assertThat(e.id()).isEqualTo("01FECEG2QJH35CBDHPCRNZFHXN");
    assertThat(e.application()).isEqualTo("emburnstest");
    assertThat(e.status()).isEqualTo(OrcaStatus.RUNNING);
    assertThat(e.failure()).isNull();
    assertThat(e.buildTime()).isEqualTo(Instant.ofEpochMilli(1630357949170L));
    TaskExecution task = e.toTask("x");
    assertThat(task.state()).isEqualTo(TaskExecution.State.RUNNING);
    assertThat(task.endedAt()).isNull();
    assertThat(task.description()).startsWith("Deploy deb-sample-app-server-0.200.0~snapshot-h584.791248b");
  }

  @Test
  void aSucceededDeployIsASucceededTaskWithItsEndTime() {
    OrcaExecution e = OrcaExecution.parse(Payloads.load("single-region-deploy.json"));

    assertThat(e.status()).isEqualTo(OrcaStatus.SUCCEEDED);
    TaskExecution task = e.toTask("x");
    assertThat(task.state()).isEqualTo(TaskExecution.State.SUCCEEDED);
    assertThat(task.failure()).isNull();
    assertThat(task.endedAt()).isEqualTo(Instant.ofEpochMilli(1630353330404L));
  }

  @Test
  void aTerminalRolloutKeepsOrcasFailureTextAndItsCorrelationId() {
    OrcaExecution e = OrcaExecution.parse(Payloads.load("failed-managed-rollout.json"));

    assertThat(e.status()).isEqualTo(OrcaStatus.TERMINAL);
    assertThat(e.correlationId()).isEqualTo("titus:cluster:titustestvpc:emburnstest-eggo:managed-rollout");
    TaskExecution task = e.toTask("x");
    assertThat(task.state()).isEqualTo(TaskExecution.State.TERMINAL);
    assertThat(task.correlationId()).isEqualTo("titus:cluster:titustestvpc:emburnstest-eggo:managed-rollout");
    assertThat(task.failure()).isEqualTo("workflowId='rollout:01FH8TGGA62Q8GMWV2149MGW2C:01FH8TGGA6MCFQ1AK3G9F7MZBS',"
        + " runId='', workflowType='RolloutWorkflow'}");
  }

  @Test
  void everyOrcaStatusMapsAsOrcaDefinesIt() {
    assertThat(List.of(OrcaStatus.values())).allSatisfy(s -> assertThat(s.state().isComplete())
        .as(s.name()).isEqualTo(s.isComplete()));
    assertThat(OrcaStatus.BUFFERED.state()).isEqualTo(TaskExecution.State.NOT_STARTED);
    assertThat(OrcaStatus.SUSPENDED.state()).isEqualTo(TaskExecution.State.RUNNING);
    assertThat(OrcaStatus.REDIRECT.state()).isEqualTo(TaskExecution.State.RUNNING);
    assertThat(OrcaStatus.SKIPPED.state()).isEqualTo(TaskExecution.State.SUCCEEDED);
    for (OrcaStatus failed : List.of(OrcaStatus.TERMINAL, OrcaStatus.FAILED_CONTINUE, OrcaStatus.STOPPED,
        OrcaStatus.CANCELED)) {
      assertThat(failed.state()).as(failed.name()).isEqualTo(TaskExecution.State.TERMINAL);
    }
  }
}
