package dev.keel.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployHealth;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.deploy.HourWindow;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.Health;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.StepScalingPolicy;
import dev.keel.ec2.api.spec.TargetTrackingPolicy;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The request Keel's EC2 server group operations send to Orca: path, headers, the envelope and each stage's
 * JSON, compared field by field with the task bodies of spinnaker-adapters.md §4 and keel-cloud-handlers.md §2.2.
 */
class Ec2RequestShapeTest {

  private final Spinnaker spinnaker;

  Ec2RequestShapeTest() throws IOException {
    spinnaker = new Spinnaker().withCatalog();
  }

  @AfterEach
  void close() {
    spinnaker.close();
  }

  static final TargetTrackingPolicy CPU = new TargetTrackingPolicy(Duration.ofSeconds(300), 50.0, false,
      new TargetTrackingPolicy.PredefinedMetric("ASGAverageCPUUtilization", null), null);

  static final StepScalingPolicy STEP = new StepScalingPolicy("PercentChangeInCapacity", true,
      "GreaterThanThreshold", Map.of("Team", "fnord"), 3, Duration.ofSeconds(60), 70, "CPUUtilization",
      "AWS/EC2", "Average", Duration.ofSeconds(120), "Average",
      Set.of(new StepScalingPolicy.StepAdjustment(0.0, null, 20)));

  static Ec2ServerGroup group(Scaling scaling, Capacity capacity) {
    return new Ec2ServerGroup("fnord-main", new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
        Set.of("us-east-1a")),
        new LaunchConfiguration("ami-1", "fnord-1.0.0", null, "m5.large", false, "fnordInstanceProfile",
            "nf-keypair-us-east-1", false, null, true),
        capacity, new ClusterDependencies(Set.of("fnord-clb"), Set.of("fnord", "nf-datacenter"), Set.of("fnord-tg")),
        Health.DEFAULT, Set.of(), scaling, Map.of("team", "fnord"), true, "fnord-1.0.0");
  }

  JsonNode submit(TaskRequest request) {
    TaskExecution task = spinnaker.clouds.ec2().submit(request);
    assertThat(task.id()).isEqualTo("01TASK");
    var posts = spinnaker.server.requests("POST /ops");
    assertThat(posts).hasSize(1);
    var post = posts.get(0);
    assertThat(post.headers()).containsEntry("content-type", "application/context+json")
        .containsEntry("x-spinnaker-user", "keel@spinnaker.io").containsEntry("x-spinnaker-user-origin", "keel");
    JsonNode body = post.json();
    assertThat(body.path("name").asText()).isEqualTo(request.description());
    assertThat(body.path("description").asText()).isEqualTo(request.description());
    assertThat(body.path("application").asText()).isEqualTo("fnord");
    assertThat(body.path("trigger")).isEqualTo(json("""
        {"correlationId":"%s","notifications":[],"type":"keel","user":"keel","artifacts":[],"parameters":{}}"""
        .formatted(request.correlationId())));
    return body.path("job");
  }

  JsonNode submit(CloudOperation... ops) {
    return submit(new TaskRequest("fnord", ops[0].description(), "ec2:cluster:test:fnord-main:us-east-1",
        List.of(ops), null, null, null));
  }

  static JsonNode json(String text) {
    try {
      return SpinnakerHttp.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static final String CREATE = """
      {"type":"createServerGroup","cloudProvider":"aws","region":"us-east-1",
       "capacity":{"min":1,"max":5,"desired":1},
       "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":null},
       "application":"fnord","credentials":"test","account":"test","targetHealthyDeployPercentage":100,
       "cooldown":10,"enabledMetrics":[],"healthCheckType":"EC2","healthCheckGracePeriod":600,
       "instanceMonitoring":false,"ebsOptimized":false,"iamRole":"fnordInstanceProfile",
       "terminationPolicies":["OldestInstance"],"subnetType":"internal (vpc0)",
       "availabilityZones":{"us-east-1":["us-east-1a"]},"keyPair":"nf-keypair-us-east-1","suspendedProcesses":[],
       "securityGroups":["sg-fnord"],"stack":"main","freeFormDetails":"","tags":{"team":"fnord"},
       "useAmiBlockDeviceMappings":false,"copySourceCustomBlockDeviceMappings":true,"virtualizationType":"hvm",
       "amiName":"ami-1","reason":"Diff detected at 2025-01-01T10:00:00Z","instanceType":"m5.large",
       "loadBalancers":["fnord-clb"],"targetGroups":["fnord-tg"],"requireIMDSv2":true,
       "source":{"account":"test","region":"us-east-1","asgName":"fnord-main-v003"},
       "strategy":"redblack","maxRemainingAsgs":2,"delayBeforeDisableSec":0,"delayBeforeScaleDownSec":0,
       "scaleDown":false,"rollback":{"onFailure":false},"stageTimeoutMs":1800000,
       "interestingHealthProviderNames":null,"refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}""";

  @Test
  void aRedBlackDeployClonesTheSourceAndAttachesItsScalingPoliciesToTheNewGroup() {
    var create = new ServerGroupOperation.CreateServerGroup<>(group(new Scaling(Set.of(CPU), Set.of(STEP)),
        new Capacity(1, 5, null)), DeployStrategy.RedBlack.DEFAULT, "fnord-main-v003",
        new DeployWave("us-east-1", null, null, null));

    JsonNode job = submit(create);

    assertThat(job).hasSize(3);
    assertThat(job.get(0)).isEqualTo(json(CREATE));
    assertThat(job.get(1)).isEqualTo(json("""
        {"type":"upsertScalingPolicy","cloudProvider":"aws","credentials":"test","region":"us-east-1",
         "serverGroupName":"fnord-main-v004",
         "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":4},
         "estimatedInstanceWarmup":300,
         "targetTrackingConfiguration":{"targetValue":50.0,"disableScaleIn":false,
           "predefinedMetricSpecification":{"predefinedMetricType":"ASGAverageCPUUtilization","resourceLabel":null}},
         "refId":"2","requisiteStageRefIds":["1"],"user":"Spinnaker"}"""));
    assertThat(job.get(2)).isEqualTo(json("""
        {"type":"upsertScalingPolicy","cloudProvider":"aws","credentials":"test","region":"us-east-1",
         "serverGroupName":"fnord-main-v004",
         "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":4},
         "adjustmentType":"PercentChangeInCapacity",
         "alarm":{"region":"us-east-1","actionsEnabled":true,"comparisonOperator":"GreaterThanThreshold",
           "dimensions":[{"name":"Team","value":"fnord"}],"evaluationPeriods":3,"period":60,"threshold":70,
           "namespace":"AWS/EC2","metricName":"CPUUtilization","statistic":"Average"},
         "step":{"estimatedInstanceWarmup":120,"metricAggregationType":"Average",
           "stepAdjustments":[{"metricIntervalLowerBound":0.0,"metricIntervalUpperBound":null,
             "scalingAdjustment":20}]},
         "refId":"3","requisiteStageRefIds":["2"],"user":"Spinnaker"}"""));
    assertThat(spinnaker.server.requests("GET /securityGroups/test/aws/us-east-1/fnord").get(0).query())
        .containsEntry("vpcId", "vpc-1");
  }

  private JsonNode strategyOf(DeployStrategy strategy) {
    var create = new ServerGroupOperation.CreateServerGroup<>(group(Scaling.NONE, new Capacity(1, 5, 2)), strategy,
        null, new DeployWave("us-east-1", null, null, null));
    JsonNode stage = submit(create).get(0);
    assertThat(stage.has("source")).isFalse();
    assertThat(stage.path("copySourceCustomBlockDeviceMappings").asBoolean()).isFalse();
    assertThat(stage.path("capacity")).isEqualTo(json("{\"min\":1,\"max\":5,\"desired\":2}"));
    return stage;
  }

  @Test
  void theGroupsOrcaAddsByConfigurationAreLeftOutOfTheDeployAndAreTheImplicitOnes() throws IOException {
    try (Spinnaker corp = new Spinnaker(SpinnakerConfig.defaults(null, null)
        .withDefaultSecurityGroups(List.of("fnord"))).withCatalog()) {
      var g = group(Scaling.NONE, new Capacity(1, 1, 1));
      g = g.withDependencies(new ClusterDependencies(Set.of(), Set.of("fnord", "other"), Set.of()));
      corp.clouds.ec2().submit(new TaskRequest("fnord", "deploy", "ec2:cluster:test:fnord-main:us-east-1",
          List.of(new ServerGroupOperation.CreateServerGroup<>(g, DeployStrategy.RedBlack.DEFAULT, null,
              new DeployWave("us-east-1", null, null, null))), null, null, null));

      JsonNode stage = corp.server.requests("POST /ops").get(0).json().path("job").get(0);
      assertThat(stage.path("securityGroups")).isEqualTo(json("[\"sg-other\"]"));
      assertThat(corp.clouds.ec2().implicitSecurityGroups("test", "us-east-1", "vpc0")).containsExactly("fnord");
    }
    assertThat(spinnaker.clouds.ec2().implicitSecurityGroups("test", "us-east-1", "vpc0"))
        .containsExactlyInAnyOrder("nf-infrastructure", "nf-datacenter");
  }

  @Test
  void aHighlanderDeployWaitingForAmazonHealthOnlySaysSo() {
    JsonNode stage = strategyOf(new DeployStrategy.Highlander(DeployHealth.NONE));

    assertThat(stage.path("strategy").asText()).isEqualTo("highlander");
    assertThat(stage.path("stageTimeoutMs").asLong()).isEqualTo(1_800_000);
    assertThat(stage.path("interestingHealthProviderNames")).isEqualTo(json("[\"Amazon\"]"));
  }

  @Test
  void aDeployWithNoStrategyHasAnEmptyStrategy() {
    JsonNode stage = strategyOf(new DeployStrategy.None(DeployHealth.AUTO));

    assertThat(stage.path("strategy").asText()).isEmpty();
    assertThat(stage.has("maxRemainingAsgs")).isFalse();
  }

  @Test
  void aRollingPushSendsItsTerminationWithoutNulls() {
    JsonNode stage = strategyOf(new DeployStrategy.RollingPush(DeployHealth.AUTO, true, 2, null, "OLDEST_FIRST"));

    assertThat(stage.path("strategy").asText()).isEqualTo("rollingpush");
    assertThat(stage.path("termination")).isEqualTo(json("""
        {"relaunchAllInstances":true,"order":"OLDEST_FIRST","concurrentRelaunches":2}"""));
  }

  @Test
  void aRedBlackDeployWithDelaysRollbackAndScaleDownSendsThemAll() {
    JsonNode stage = strategyOf(new DeployStrategy.RedBlack(DeployHealth.AUTO, true, true, 3, Duration.ofMinutes(1),
        Duration.ofMinutes(2), Duration.ofMinutes(20), List.of()));

    assertThat(stage.path("maxRemainingAsgs").asInt()).isEqualTo(3);
    assertThat(stage.path("delayBeforeDisableSec").asInt()).isEqualTo(60);
    assertThat(stage.path("delayBeforeScaleDownSec").asInt()).isEqualTo(120);
    assertThat(stage.path("scaleDown").asBoolean()).isTrue();
    assertThat(stage.path("rollback")).isEqualTo(json("{\"onFailure\":true}"));
    assertThat(stage.path("stageTimeoutMs").asLong()).isEqualTo(Duration.ofMinutes(23).toMillis());
  }

  @Test
  void aStaggeredRegionWaitsForThePreviousTaskStartsInItsHoursAndPausesAfter() {
    var create = new ServerGroupOperation.CreateServerGroup<>(group(Scaling.NONE, new Capacity(1, 5, 2)),
        DeployStrategy.RedBlack.DEFAULT, null, new DeployWave("us-east-1", "us-west-2", new HourWindow(9, 17),
            Duration.ofMinutes(5)));

    JsonNode job = submit(new TaskRequest("fnord", create.description(), "ec2:cluster:test:fnord-main:us-east-1",
        List.of(create), "01PREVIOUS", new HourWindow(9, 17), Duration.ofMinutes(5)));

    assertThat(job).hasSize(3);
    assertThat(job.get(0)).isEqualTo(json("""
        {"type":"dependsOnExecution","executionId":"01PREVIOUS","executionType":"orchestration",
         "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
    assertThat(job.get(1).path("type").asText()).isEqualTo("createServerGroup");
    assertThat(job.get(1).path("restrictExecutionDuringTimeWindow").asBoolean()).isTrue();
    assertThat(job.get(1).path("restrictedExecutionWindow")).isEqualTo(json("""
        {"whitelist":[{"startHour":9,"startMin":0,"endHour":17,"endMin":0}]}"""));
    assertThat(job.get(1).path("requisiteStageRefIds")).isEqualTo(json("[\"1\"]"));
    assertThat(job.get(2)).isEqualTo(json("""
        {"type":"wait","waitTime":300,"refId":"3","requisiteStageRefIds":["2"],"user":"Spinnaker"}"""));
  }

  @Test
  void aResizeSendsTheNewCapacityToTheServerGroup() {
    JsonNode job = submit(new ServerGroupOperation.ResizeServerGroup("test", "us-east-1", "fnord-main-v003",
        new Capacity(2, 6, 4)));

    assertThat(job).isEqualTo(json("""
        [{"type":"resizeServerGroup","cloudProvider":"aws","credentials":"test","region":"us-east-1",
          "serverGroupName":"fnord-main-v003",
          "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":3},
          "capacity":{"min":2,"max":6,"desired":4},"refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}]"""));
  }

  @Test
  void aDisableNamesTheServerGroupTwice() {
    JsonNode job = submit(new ServerGroupOperation.DisableServerGroup("test", "us-east-1", "fnord-main-v002"));

    assertThat(job).isEqualTo(json("""
        [{"type":"disableServerGroup","cloudProvider":"aws","credentials":"test","region":"us-east-1",
          "serverGroupName":"fnord-main-v002",
          "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":2},
          "asgName":"fnord-main-v002","refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}]"""));
  }

  @Test
  void aDestroyNamesTheServerGroup() {
    JsonNode job = submit(new ServerGroupOperation.DestroyServerGroup("test", "us-east-1", "fnord-main-v001"));

    assertThat(job.get(0).path("type").asText()).isEqualTo("destroyServerGroup");
    assertThat(job.get(0).path("serverGroupName").asText()).isEqualTo("fnord-main-v001");
    assertThat(job.get(0).path("asgName").asText()).isEqualTo("fnord-main-v001");
    assertThat(job.get(0).path("cloudProvider").asText()).isEqualTo("aws");
  }

  @Test
  void aRollbackRestoresTheOlderGroupAndDisablesTheActiveOne() {
    var rollback = new ServerGroupOperation.RollbackServerGroup("test", "us-east-1", "fnord-main-v002",
        "fnord-main-v003", new Capacity(1, 3, 2));

    JsonNode job = submit(rollback);

    assertThat(job).isEqualTo(json("""
        [{"type":"rollbackServerGroup","rollbackType":"EXPLICIT",
          "rollbackContext":{"rollbackServerGroupName":"fnord-main-v003","restoreServerGroupName":"fnord-main-v002",
            "targetHealthyRollbackPercentage":100,"delayBeforeDisableSeconds":0},
          "platformHealthOnlyShowOverride":false,"reason":"%s",
          "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":2},
          "region":"us-east-1","credentials":"test","cloudProvider":"aws",
          "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}]""".formatted(rollback.description())));
  }

  @Test
  void anEnableWithNothingToDisableEnablesAndResizesTheOlderGroup() {
    JsonNode job = submit(new ServerGroupOperation.RollbackServerGroup("test", "us-east-1", "fnord-main-v002", null,
        new Capacity(1, 3, 2)));

    assertThat(job).hasSize(2);
    assertThat(job.get(0).path("type").asText()).isEqualTo("enableServerGroup");
    assertThat(job.get(0).path("serverGroupName").asText()).isEqualTo("fnord-main-v002");
    assertThat(job.get(1).path("type").asText()).isEqualTo("resizeServerGroup");
    assertThat(job.get(1).path("capacity")).isEqualTo(json("{\"min\":1,\"max\":3,\"desired\":2}"));
    assertThat(job.get(1).path("requisiteStageRefIds")).isEqualTo(json("[\"1\"]"));
  }

  @Test
  void deletingEc2PoliciesNamesThemAsClouddriverDoes() {
    spinnaker.server.on("GET /applications/fnord/clusters/test/fnord-main/aws", ScriptedServer.json("""
        {"accountName":"test","serverGroups":[{"name":"fnord-main-v003","region":"us-east-1","scalingPolicies":[
          {"policyName":"fnord-main-v003-target-1","policyType":"TargetTrackingScaling","estimatedInstanceWarmup":300,
           "targetTrackingConfiguration":{"targetValue":50.0,"disableScaleIn":false,
             "predefinedMetricSpecification":{"predefinedMetricType":"ASGAverageCPUUtilization"}}},
          {"policyName":"other","policyType":"TargetTrackingScaling","estimatedInstanceWarmup":300,
           "targetTrackingConfiguration":{"targetValue":90.0,"disableScaleIn":false,
             "predefinedMetricSpecification":{"predefinedMetricType":"ASGAverageCPUUtilization"}}}]}]}"""));

    JsonNode job = submit(new ServerGroupOperation.DeleteScalingPolicies<>("test", "us-east-1", "fnord-main-v003",
        Set.of(), new Scaling(Set.of(CPU), Set.of())));

    assertThat(job).isEqualTo(json("""
        [{"type":"deleteScalingPolicy","cloudProvider":"aws","credentials":"test","region":"us-east-1",
          "serverGroupName":"fnord-main-v003",
          "moniker":{"app":"fnord","stack":"main","detail":null,"cluster":"fnord-main","sequence":3},
          "policyName":"fnord-main-v003-target-1","refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}]"""));
  }

  @Test
  void upsertingPoliciesOfAnExistingGroupTargetsIt() {
    JsonNode job = submit(new ServerGroupOperation.UpsertScalingPolicies<>("test", "us-east-1", "fnord-main-v003",
        new Scaling(Set.of(CPU), Set.of())));

    assertThat(job).hasSize(1);
    assertThat(job.get(0).path("serverGroupName").asText()).isEqualTo("fnord-main-v003");
    assertThat(job.get(0).path("targetTrackingConfiguration").path("targetValue").asDouble()).isEqualTo(50.0);
  }
}
