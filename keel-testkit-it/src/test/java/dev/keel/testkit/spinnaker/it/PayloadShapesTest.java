package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.titus.api.DockerImage;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake answers in the shapes of the real Clouddriver and Orca payloads of the fixtures: each rendering of a
 * simulated thing has every field the fixture has, with the same JSON type.
 */
class PayloadShapesTest {

  private final SpinnakerWorld world = new SpinnakerWorld();

  @AfterEach
  void close() {
    world.close();
  }

  private static void assertSameShape(String fixture, JsonNode fake, String... ignored) {
    assertSameShape(SpinnakerWorld.fixture(fixture), fake, ignored);
  }

  private static void assertSameShape(JsonNode real, JsonNode fake, String... ignored) {
    assertThat(Shapes.differences(real, fake, Set.of(ignored))).isEmpty();
  }

  private static final Location EAST = new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
      Set.of("us-east-1a", "us-east-1b"));

  @Test
  void aTitusJobHasTheFieldsOfClouddriversTitusServerGroups() {
    var target = new TargetTrackingPolicy(2.0, false, null, null, null,
        new TargetTrackingPolicy.CustomMetric("AverageCPUUtilization", "NFLX/EPIC", "Average", null, null));
    var step = new StepScalingPolicy("PercentChangeInCapacity", true, "GreaterThanOrEqualToThreshold", null, 3,
        Duration.ofMinutes(1), 60, "AverageCPUUtilization", "NFLX/EPIC", "Average", null, null,
        Set.of(new StepScalingPolicy.StepAdjustment(null, 0.0, 50)));
    world.titus.existingServerGroup(SpinnakerWorld.titusJob("fnord-main-api", "sha256:abc")
        .withScaling(new ScalingSpec(Set.of(target), Set.of(step))), null, true, true);

    JsonNode job = world.clouddriver("/applications/fnord/clusters/test/fnord-main-api/titus/us-east-1/serverGroups/"
        + "target/"
        + "current_asg_dynamic?onlyEnabled=true").body();

    String[] unmodelled = {"disruptionBudget", "sharding", "env.*", "labels.*", "tags.*", "containerAttributes.*",
        "constraints.hard.*", "constraints.soft.*", "buildInfo.jenkins"};
    assertSameShape("titus-active-server-group-with-scaling.json", job, unmodelled);
    assertSameShape("titus-active-server-group-with-complex-scaling.json", job, unmodelled);
  }

  @Test
  void securityGroupsHaveTheFieldsOfClouddriversAmazonSecurityGroups() {
    world.ec2.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup("fnord-elb", "test", "us-east-1", "vpc0",
        "fnord load balancers", Set.of()), true));
    world.ec2.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup("fnord", "test", "us-east-1", "vpc0",
        "fnord application", Set.of()), true));
    world.ec2.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup("fnord", "test", "us-east-1", "vpc0",
        "fnord application", Set.of(
            new SecurityGroupRule("TCP", new PortRange(7001, 7002), "fnord-elb", null, null, null, null, null),
            new SecurityGroupRule("TCP", new PortRange(6565, 6565), "fnord", null, null, null, null, null),
            new SecurityGroupRule("ALL", null, null, null, null, "104.24.115.229/24", null, null))), false));

    JsonNode g = world.clouddriver("/securityGroups/test/aws/us-east-1/fnord").body();

    assertSameShape("sg-with-ref.json", g);
    assertSameShape("sg-with-self-ref.json", g);
    JsonNode cidr = SpinnakerWorld.fixture("sg-with-cidr.json");
    assertSameShape(cidr, g, "inboundRules[]", "moniker.stack", "summary.moniker.stack");
    JsonNode cidrRule = g.get("inboundRules").findParent("range");
    assertSameShape(cidr.get("inboundRules").get(0), cidrRule);
    assertThat(cidrRule.get("protocol").asText()).isEqualTo("-1");
    assertThat(cidrRule.get("portRanges").get(0).get("startPort").isNull()).isTrue();
  }

  @Test
  void loadBalancersHaveTheFieldsOfClouddriversClassicAndApplicationLoadBalancers() {
    world.ec2.catalog().addCertificate("test", "fnord-cert");
    world.ec2.existing(new Ec2Operation.UpsertClassicLoadBalancer(new ClassicLoadBalancer("fnord-main-clb", EAST, true,
        Set.of("fnord-elb"), Set.of(new ClassicLoadBalancerSpec.Listener("HTTP", 8080, "HTTP", 80, null)),
        new ClassicLoadBalancerSpec.HealthCheck("HTTP:8080/admin/health", null, null, null, null),
        Duration.ofSeconds(60)), true));
    var tg = new ApplicationLoadBalancerSpec.TargetGroup("fnord-main", null, null, 8080, null, null, null, null, null,
        "/admin/health", null, null, null, null);
    var listener = new ApplicationLoadBalancerSpec.Listener(443, "HTTPS", "fnord-cert", Set.of(
        new ApplicationLoadBalancerSpec.Rule("10", List.of(new ApplicationLoadBalancerSpec.Condition("path-pattern",
            List.of("/api/*"))), List.of(ApplicationLoadBalancerSpec.Action.forward(1, "fnord-main")), false)),
        List.of(ApplicationLoadBalancerSpec.Action.forward(1, "fnord-main")));
    var redirect = new ApplicationLoadBalancerSpec.Listener(80, "HTTP", null, Set.of(), List.of(
        ApplicationLoadBalancerSpec.Action.forward(1, "fnord-main"),
        new ApplicationLoadBalancerSpec.Action("redirect", 2, null, new ApplicationLoadBalancerSpec.RedirectConfig("HTTPS",
            "#{host}", "443", "/#{path}", "#{query}", "HTTP_301"), null)));
    world.ec2.existing(new Ec2Operation.UpsertApplicationLoadBalancer(new ApplicationLoadBalancer("fnord-main-alb",
        EAST, true, Set.of("fnord-elb"), Duration.ofSeconds(60), Set.of(listener, redirect), Set.of(tg)), true));

    JsonNode all = world.clouddriver("/applications/fnord/loadBalancers").body();
    JsonNode real = SpinnakerWorld.fixture("loadBalancers.json");

    assertThat(all).hasSize(2);
    JsonNode alb = world.clouddriver("/aws/loadBalancers/test/us-east-1/fnord-main-alb").body().get(0);
    JsonNode clb = world.clouddriver("/aws/loadBalancers/test/us-east-1/fnord-main-clb").body().get(0);
    assertThat(alb.get("loadBalancerType").asText()).isEqualTo("application");
    assertThat(clb.has("loadBalancerType")).isFalse();
    assertSameShape(real.get(0), clb);
    assertSameShape(real.get(2), alb, "attributes[]", "listeners[].defaultActions[].forwardConfig",
        "listeners[].rules[].actions[].forwardConfig", "targetGroups[].attributes.*");
  }

  @Test
  void namedImagesHaveTheFieldsOfClouddriversImageLookup() {
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0-h1.abc-x86_64-bionic-hvm-ebs", "fnord-1.0.0-h1.abc",
        "bionicbase-release-1", Map.of("us-east-1", "ami-0001", "us-west-2", "ami-0002"),
        Instant.parse("2026-01-04T10:00:00Z")));

    JsonNode images = world.clouddriver("/aws/images/find?q=fnord-1.0.0&account=test&region=us-east-1").body();

    assertThat(images).hasSize(1);
    assertSameShape(SpinnakerWorld.fixture("named-images.json").get(0), images.get(0), "tagsByImageId.*");
    assertThat(images.get(0).at("/tagsByImageId/ami-0001/appversion").asText()).isEqualTo("fnord-1.0.0-h1.abc");
  }

  @Test
  void tasksHaveTheFieldsOfOrcasExecutionDetailsWhileRunningOnceSucceededAndWhenFailed() {
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        Map.of("us-east-1", "ami-0001"), Instant.parse("2026-01-04T10:00:00Z")));
    String[] unmodelled = {"steps[]", "execution.partition", "execution.stages[].tasks[]",
        "execution.stages[].outputs.*", "execution.stages[].context.*", "execution.stages[].parentStageId",
        "execution.stages[].syntheticStageOwner", "variables[].value", "execution.trigger.rebake",
        "execution.trigger.dryRun", "execution.trigger.strategy", "execution.trigger.resolvedExpectedArtifacts",
        "execution.trigger.expectedArtifacts"};

    String id = world.submit(Bodies.deployEc2("ami-0001"));
    world.advance(Duration.ofSeconds(45));
    JsonNode running = world.orca("/tasks/" + id).body();
    assertThat(running.get("status").asText()).isEqualTo("RUNNING");
    assertSameShape("running-single-region-deploy.json", running, unmodelled);

    world.advance(Duration.ofMinutes(10));
    JsonNode succeeded = world.orca("/tasks/" + id).body();
    assertThat(succeeded.get("status").asText()).isEqualTo("SUCCEEDED");
    assertSameShape("single-region-deploy.json", succeeded, unmodelled);

    world.ec2.failNextStage("createServerGroup", "Instances did not come up");
    String failedId = world.submit(Bodies.envelope("ec2:cluster:test:fnord-main:us-east-1", "Deploy again",
        Bodies.createEc2("ami-0001", "redblack", "")));
    world.advance(Duration.ofMinutes(5));
    JsonNode failed = world.orca("/tasks/" + failedId).body();
    assertThat(failed.get("status").asText()).isEqualTo("TERMINAL");
    assertSameShape("failed-managed-rollout.json", failed, unmodelled);
    assertThat(failed.at("/execution/stages/0/context/exception/details/errors/0").asText())
        .isEqualTo("Stage createServerGroup failed: Instances did not come up");
  }

  @Test
  void titusImagesAreFoundWithTheirDigests() {
    world.titus.push("testregistry", new DockerImage("fnord/api", "1.0.0", "sha256:abc",
        Instant.parse("2026-01-04T10:00:00Z")));

    JsonNode images = world.clouddriver("/dockerRegistry/images/find?account=testregistry&repository=fnord/api"
        + "&tag=1.0.0&includeDetails=true").body();

    assertThat(images).hasSize(1);
    assertThat(images.get(0).get("digest").asText()).isEqualTo("sha256:abc");
    assertThat(images.get(0).get("tag").asText()).isEqualTo("1.0.0");
  }
}
