package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.HourWindow;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import dev.keel.titus.api.DockerImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each stage Keel's adapters send (reference §4, in their wire format) becomes the simulated cloud's operation
 * the handler planned, and its effect is what Clouddriver then reports.
 */
class OrcaStagesTest {

  private static final String CLUSTER = "/applications/fnord/clusters/test/fnord-main/aws";

  private final SpinnakerWorld world = new SpinnakerWorld();

  @BeforeEach
  void image() {
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        Map.of("us-east-1", "ami-1", "us-west-2", "ami-2"), Instant.parse("2026-01-04T10:00:00Z")));
  }

  @AfterEach
  void close() {
    world.close();
  }

  private List<CloudOperation> operations(int task) {
    return world.ec2.submitted().get(task).operations();
  }

  private String run(String correlation, String... stages) {
    String id = world.submit(Bodies.envelope(correlation, "test task", String.join(",", stages)));
    world.advance(Duration.ofMinutes(15));
    return id;
  }

  private void twoGroups() {
    var model = SpinnakerWorld.ec2Group("fnord-main", "ami-1", Set.of());
    world.ec2.existingServerGroup(model, "fnord-main-v001", false, true);
    world.ec2.existingServerGroup(model, "fnord-main-v002", true, true);
  }

  @Test
  void aDeployWithPoliciesNamedAfterItsNewGroupIsOneDeployOfAnAutoscaledGroup() {
    String id = run("c1", Bodies.createEc2("ami-1", "highlander", ""), Bodies.targetTracking("fnord-main-v000"));

    assertThat(operations(0)).hasSize(1);
    var create = (ServerGroupOperation.CreateServerGroup<?>) operations(0).get(0);
    Ec2ServerGroup g = (Ec2ServerGroup) create.serverGroup();
    assertThat(create.strategy()).isInstanceOf(DeployStrategy.Highlander.class);
    assertThat(g.capacity()).isEqualTo(new Capacity(1, 3, null));
    assertThat(g.scaling().targetTrackingPolicies()).extracting(TargetTrackingPolicy::targetValue).containsExactly(50.0);
    assertThat(g.dependencies().loadBalancerNames()).isEmpty();
    assertThat(g.location().vpc()).isEqualTo("vpc0");
    assertThat(g.launchConfiguration().appVersion()).isEqualTo("fnord-1.0.0-h1.abc");
    assertThat(world.status(id)).isEqualTo("SUCCEEDED");
    JsonNode group = world.clouddriver(CLUSTER).body().at("/serverGroups/0");
    assertThat(group.at("/scalingPolicies/0/policyType").asText()).isEqualTo("TargetTrackingScaling");
    assertThat(group.at("/capacity/desired").asInt()).isEqualTo(1);
  }

  @Test
  void aRedBlackDeployKeepsItsSettingsAndWaitsForInstancesWithoutTheDelaysInItsTimeout() {
    String stage = Bodies.createEc2("ami-1", "redblack", "").replace("\"delayBeforeDisableSec\": 0",
        "\"delayBeforeDisableSec\": 60").replace("\"stageTimeoutMs\": 1800000", "\"stageTimeoutMs\": 1860000")
        .replace("\"scaleDown\": false", "\"scaleDown\": true");
    run("c1", stage);

    var strategy = (DeployStrategy.RedBlack) ((ServerGroupOperation.CreateServerGroup<?>) operations(0).get(0))
        .strategy();
    assertThat(strategy.delayBeforeDisable()).isEqualTo(Duration.ofMinutes(1));
    assertThat(strategy.waitForInstancesUp()).isEqualTo(Duration.ofMinutes(30));
    assertThat(strategy.resizePreviousToZero()).isTrue();
    assertThat(strategy.maxServerGroups()).isEqualTo(2);
  }

  @Test
  void resizeDisableAndDestroyActOnTheGroupTheyName() {
    twoGroups();

    run("c1", Bodies.stage("resizeServerGroup", "aws", "fnord-main-v002", "\"capacity\": {\"min\": 3, \"max\": 3, "
        + "\"desired\": 3}"));
    run("c2", Bodies.stage("destroyServerGroup", "aws", "fnord-main-v001", ""));
    run("c3", Bodies.stage("disableServerGroup", "aws", "fnord-main-v002", ""));

    JsonNode groups = world.clouddriver(CLUSTER).body().get("serverGroups");
    assertThat(groups).hasSize(1);
    assertThat(groups.at("/0/name").asText()).isEqualTo("fnord-main-v002");
    assertThat(groups.at("/0/capacity/desired").asInt()).isEqualTo(3);
    assertThat(groups.at("/0/disabled").asBoolean()).isTrue();
    assertThat(operations(0)).containsExactly(new ServerGroupOperation.ResizeServerGroup("test", "us-east-1",
        "fnord-main-v002", new Capacity(3, 3, 3)));
  }

  @Test
  void aRollbackWithNothingToDisableIsOneRollbackAndAnExplicitOneRestoresAndDisables() {
    twoGroups();

    run("c1", Bodies.stage("enableServerGroup", "aws", "fnord-main-v001", ""),
        Bodies.stage("resizeServerGroup", "aws", "fnord-main-v001", "\"capacity\": {\"min\": 1, \"max\": 3, "
            + "\"desired\": 2}"));
    world.ec2.externalDisable("test", "us-east-1", "fnord-main-v001");
    run("c2", """
        {"type": "rollbackServerGroup", "rollbackType": "EXPLICIT", "rollbackContext": {
          "rollbackServerGroupName": "fnord-main-v002", "restoreServerGroupName": "fnord-main-v001",
          "targetHealthyRollbackPercentage": 100, "delayBeforeDisableSeconds": 0},
         "moniker": {"app": "fnord", "stack": "main", "cluster": "fnord-main", "sequence": 1},
         "region": "us-east-1", "credentials": "test", "cloudProvider": "aws"}""");

    assertThat(operations(0)).containsExactly(new ServerGroupOperation.RollbackServerGroup("test", "us-east-1",
        "fnord-main-v001", null, new Capacity(1, 3, 2)));
    assertThat(operations(1)).containsExactly(new ServerGroupOperation.RollbackServerGroup("test", "us-east-1",
        "fnord-main-v001", "fnord-main-v002", new Capacity(1, 3, 2)));
    JsonNode groups = world.clouddriver(CLUSTER).body().get("serverGroups");
    assertThat(groups.findValuesAsText("disabled")).containsExactly("false", "true");
  }

  @Test
  void anEc2PolicyIsDeletedByTheNameTheCloudGaveIt() {
    var policy = new TargetTrackingPolicy(null, 50, false, new TargetTrackingPolicy.PredefinedMetric(
        "ASGAverageCPUUtilization", null), null);
    world.ec2.existingServerGroup(SpinnakerWorld.ec2Group("fnord-main", "ami-1", Set.of())
        .withScaling(new Scaling(Set.of(policy), Set.of())), null, true, true);
    String name = world.clouddriver(CLUSTER).body().at("/serverGroups/0/scalingPolicies/0/policyName").asText();

    run("c1", Bodies.stage("deleteScalingPolicy", "aws", "fnord-main-v000", "\"policyName\": \"" + name + "\""));

    var delete = (ServerGroupOperation.DeleteScalingPolicies<?>) operations(0).get(0);
    assertThat(delete.policies()).isEqualTo(new Scaling(Set.of(policy), Set.of()));
    assertThat(world.clouddriver(CLUSTER).body().at("/serverGroups/0/scalingPolicies")).isEmpty();
  }

  @Test
  void aTitusDeployByDigestRunsTheTagOfThatDigestAndItsPoliciesAreDeletedById() {
    world.titus.push("testregistry", new DockerImage("fnord/api", "1.0.0", "sha256:a",
        Instant.parse("2026-01-04T10:00:00Z")));
    String titusCluster = "/applications/fnord/clusters/test/fnord-api/titus";

    run("t1", Bodies.createTitusByDigest("sha256:a"));
    JsonNode job = world.clouddriver(titusCluster).body().at("/serverGroups/0");
    run("t2", Bodies.stage("upsertScalingPolicy", "titus", "fnord-api-v000", """
        "jobId": "%s", "targetTrackingConfiguration": {"targetValue": 2.0, "disableScaleIn": false,
         "scaleOutCooldown": 300, "scaleInCooldown": 300, "customizedMetricSpecification": {"metricName":
         "AverageCPUUtilization", "namespace": "NFLX/EPIC", "statistic": "Average", "unit": null, "dimensions":
         [{"name": "AutoScalingGroupName", "value": "fnord-api-v000"}]}}""".formatted(job.get("id").asText())));
    JsonNode policy = world.clouddriver(titusCluster).body().at("/serverGroups/0/scalingPolicies/0");
    run("t3", Bodies.stage("deleteScalingPolicy", "titus", "fnord-api-v000", "\"scalingPolicyID\": \""
        + policy.get("id").asText() + "\""));

    assertThat(job.at("/image/dockerImageVersion").asText()).isEqualTo("1.0.0");
    assertThat(job.at("/image/dockerImageDigest").asText()).isEqualTo("sha256:a");
    assertThat(job.at("/image/dockerImageName").asText()).isEqualTo("fnord/api");
    assertThat(policy.at("/policy/targetPolicyDescriptor/customizedMetricSpecification/dimensions/0/value").asText())
        .isEqualTo("fnord-api-v000");
    var delete = (ServerGroupOperation.DeleteScalingPolicies<?>) world.titus.submitted().get(2).operations().get(0);
    assertThat(delete.policyIds()).containsExactly(policy.get("id").asText());
    assertThat(world.clouddriver(titusCluster).body().at("/serverGroups/0/scalingPolicies")).isEmpty();
  }

  @Test
  void aSecurityGroupIsCreatedWithoutItsSelfReferenceThenUpdatedWithIt() {
    world.ec2.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup("fnord-elb", "test", "us-east-1",
        "vpc0", null, Set.of()), true));
    String upsert = """
        {"type": "upsertSecurityGroup", "application": "fnord", "credentials": "test", "accountName": "test",
         "cloudProvider": "aws", "name": "fnord", "regions": ["us-east-1"], "vpcId": "vpc-test-us-east-1",
         "description": "fnord", "securityGroupIngress": [%s], "ipIngress": [{"type": "tcp", "startPort": 443,
         "endPort": 443, "cidr": "10.0.0.0/8"}], "prefixListIngress": []}""";
    String elb = "{\"type\": \"tcp\", \"startPort\": 7001, \"endPort\": 7001, \"name\": \"fnord-elb\"}";
    String self = "{\"type\": \"tcp\", \"startPort\": 6565, \"endPort\": 6565, \"name\": \"fnord\"}";

    run("sg1", upsert.formatted(elb));
    run("sg2", upsert.formatted(elb + "," + self));

    assertThat(((Ec2Operation.UpsertSecurityGroup) operations(0).get(0)).create()).isTrue();
    assertThat(((Ec2Operation.UpsertSecurityGroup) operations(1).get(0)).create()).isFalse();
    JsonNode g = world.clouddriver("/securityGroups/test/aws/us-east-1/fnord").body();
    assertThat(g.get("inboundRules")).hasSize(3);
    assertThat(g.get("inboundRules").findValuesAsText("name")).contains("fnord", "fnord-elb");
  }

  @Test
  void loadBalancersAreUpsertedClassicAndApplication() {
    world.ec2.catalog().addCertificate("test", "fnord-cert");
    String base = """
        "type": "upsertLoadBalancer", "application": "fnord", "credentials": "test", "cloudProvider": "aws",
        "region": "us-east-1", "availabilityZones": {"us-east-1": ["us-east-1a"]}, "vpcId": "vpc-test-us-east-1",
        "subnetType": "internal (vpc0)", "isInternal": true, "idleTimeout": 60, "securityGroups": ["fnord-elb"]""";
    run("lb1", "{" + base + """
        , "name": "fnord-main-clb", "loadBalancerType": "classic", "healthCheck": "HTTP:7001/health",
        "healthInterval": 10, "healthyThreshold": 5, "unhealthyThreshold": 2, "healthTimeout": 5,
        "listeners": [{"internalProtocol": "HTTP", "internalPort": 7001, "externalProtocol": "HTTP",
        "externalPort": 80, "sslCertificateId": null}]}""");
    String arn = world.clouddriver("/certificates/aws").body().at("/0/arn").asText();
    run("lb2", "{" + base + """
        , "name": "fnord-main-alb", "loadBalancerType": "application", "listeners": [{"port": 443,
        "protocol": "HTTPS", "rules": [], "defaultActions": [{"type": "forward", "order": 1,
        "targetGroupName": "fnord-main"}], "certificates": [{"certificateArn": "%s"}]}, {"port": 80,
        "protocol": "HTTP", "rules": [], "defaultActions": [{"type": "redirect", "order": 1,
        "redirectActionConfig": {"protocol": "HTTPS", "host": "#{host}", "port": "443", "path": "/#{path}",
        "query": null, "statusCode": "HTTP_301"}}], "certificates": []}], "targetGroups": [{"name": "fnord-main",
        "targetType": "instance", "protocol": "HTTP", "port": 7001, "healthCheckEnabled": true,
        "healthCheckTimeout": 5, "healthCheckPort": 7001, "healthCheckProtocol": "HTTP",
        "healthCheckHttpCode": "200-299", "healthCheckPath": "/healthcheck", "healthCheckInterval": 10,
        "healthyThreshold": 10, "unhealthyThreshold": 2, "attributes": {"stickinessEnabled": false,
        "deregistrationDelay": 300, "stickinessType": "lb_cookie", "stickinessDuration": 86400,
        "slowStartDurationSeconds": 0, "load_balancing.algorithm.type": "round_robin"}}]}""".formatted(arn));

    var alb = ((Ec2Operation.UpsertApplicationLoadBalancer) operations(1).get(0)).loadBalancer();
    assertThat(alb.listeners()).extracting(l -> l.certificate()).containsExactlyInAnyOrder("fnord-cert", null);
    assertThat(alb.targetGroups().iterator().next().attributes().properties())
        .containsEntry("load_balancing.algorithm.type", "round_robin");
    JsonNode all = world.clouddriver("/applications/fnord/loadBalancers").body();
    assertThat(all.findValuesAsText("name")).contains("fnord-main-clb", "fnord-main-alb");
    JsonNode clb = world.clouddriver("/aws/loadBalancers/test/us-east-1/fnord-main-clb").body().get(0);
    assertThat(clb.at("/healthCheck/target").asText()).isEqualTo("HTTP:7001/health");
    assertThat(clb.at("/subnets/0").asText()).isEqualTo("subnet-test-us-east-1a-i");
  }

  @Test
  void aBakeAddsAnImageTheImageLookupFinds() {
    String id = world.submit("""
        {"name": "Bake fnord-1.1.0", "application": "fnord", "description": "Bake fnord-1.1.0",
         "job": [{"type": "bake", "amiSuffix": "", "baseOs": "bionic", "baseLabel": "release",
                  "cloudProviderType": "aws", "package": "fnord_1.1.0_all.deb", "regions": ["us-east-1",
                  "us-west-2"], "storeType": "ebs", "vmType": "hvm", "refId": "1", "user": "Spinnaker"}],
         "trigger": {"correlationId": "bake:fnord:1.1.0", "type": "keel", "user": "keel", "notifications": [],
                     "parameters": {}, "artifacts": [{"type": "DEB", "name": "fnord", "version": "1.1.0",
                                                      "reference": "fnord_1.1.0_all.deb"}]}}""");
    world.advance(Duration.ofMinutes(15));

    assertThat(world.status(id)).isEqualTo("SUCCEEDED");
    var bake = (Ec2Operation.Bake) operations(0).get(0);
    assertThat(bake.appVersion()).isEqualTo("fnord-1.1.0");
    assertThat(bake.account()).isEqualTo("test");
    JsonNode images = world.clouddriver("/aws/images/find?q=fnord-1.1.0&account=test").body();
    assertThat(images).hasSize(1);
    assertThat(images.at("/0/amis").fieldNames()).toIterable().containsExactly("us-east-1", "us-west-2");
  }

  @Test
  void aStaggeredDeployWaitsForTheTaskItDependsOnStartsInItsHoursAndPausesAfter() {
    String first = world.submit(Bodies.envelope("east", "east", Bodies.createEc2("ami-1", "redblack", "")));
    String west = Bodies.createEc2("ami-2", "redblack", "").replace("us-east-1", "us-west-2").replace(
        "\"refId\": \"1\"", "\"refId\": \"2\", \"restrictExecutionDuringTimeWindow\": true, "
            + "\"restrictedExecutionWindow\": {\"whitelist\": [{\"startHour\": 9, \"startMin\": 0, \"endHour\": 17, "
            + "\"endMin\": 0}]}");
    world.submit(Bodies.envelope("west", "west", """
        {"type": "dependsOnExecution", "executionId": "%s", "executionType": "orchestration", "refId": "1"},
        %s, {"type": "wait", "waitTime": 600, "refId": "3"}""".formatted(first, west)));

    TaskRequest request = world.ec2.submitted().get(1);
    assertThat(request.afterTask()).isEqualTo(first);
    assertThat(request.window()).isEqualTo(new HourWindow(9, 17));
    assertThat(request.waitAfter()).isEqualTo(Duration.ofMinutes(10));
    var create = (ServerGroupOperation.CreateServerGroup<?>) request.operations().get(0);
    assertThat(create.wave().after()).isEqualTo("us-east-1");
    assertThat(create.wave().pauseAfter()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aTestContainerRunsToCompletionAndAFailingOneReportsItsExitCode() {
    String runJob = """
        {"name": "Run tests", "application": "fnord", "description": "Run tests",
         "job": [{"type": "runJob", "application": "fnord", "cloudProvider": "titus", "cloudProviderType": "aws",
                  "account": "test", "credentials": "test", "region": "us-east-1", "registry": "testregistry",
                  "cluster": {"application": "fnord", "region": "us-east-1", "imageId": "fnord/tests:%s",
                              "entryPoint": "", "env": {"ENV": "test"}, "capacityGroup": "fnord"},
                  "deferredInitialization": true, "waitForCompletion": true}],
         "trigger": {"correlationId": "test-container:test:us-east-1:fnord/tests:%1$s", "type": "keel"}}""";
    world.titus.containerExits("fnord/tests:bad", 3);

    String good = world.submit(runJob.formatted("good"));
    String bad = world.submit(runJob.formatted("bad"));
    assertThat(world.status(good)).isEqualTo("RUNNING");
    world.advance(Duration.ofMinutes(5));

    assertThat(world.status(good)).isEqualTo("SUCCEEDED");
    JsonNode failed = world.orca("/tasks/" + bad).body();
    assertThat(failed.get("status").asText()).isEqualTo("TERMINAL");
    assertThat(failed.at("/execution/stages/0/context/exception/details/errors/0").asText()).contains("exited with 3");
    assertThat(world.titus.batchJobs()).extracting(j -> j.env().get("ENV")).containsExactly("test", "test");
  }
}
