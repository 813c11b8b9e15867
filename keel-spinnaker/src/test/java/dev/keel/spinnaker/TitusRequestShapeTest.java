package dev.keel.spinnaker;

import static dev.keel.spinnaker.Ec2RequestShapeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.cloud.api.Capacity;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.DeployHealth;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterDependencies;
import dev.keel.titus.api.BatchJob;
import dev.keel.titus.api.model.ContainerImage;
import dev.keel.titus.api.model.Location;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ConstraintsSpec;
import dev.keel.titus.api.spec.MigrationPolicySpec;
import dev.keel.titus.api.spec.ResourcesSpec;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.StepScalingPolicy;
import dev.keel.titus.api.spec.TargetTrackingPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests of the Titus operations, the test container's runJob and the Titus reads. */
class TitusRequestShapeTest {

  private final Spinnaker spinnaker;

  TitusRequestShapeTest() throws IOException {
    spinnaker = new Spinnaker().withCatalog();
    spinnaker.server.on("GET /applications/fnord/clusters/titustest/fnord-web/titus", ScriptedServer.json(
        "{\"accountName\":\"titustest\",\"serverGroups\":[" + Payloads.text("titus-active-server-group-with-scaling.json")
            .replace("mddemotitus-test-fletch-v000", "fnord-web-v007").replace("\"region\": \"us-east-1\"",
                "\"region\": \"us-east-1\"") + "]}"));
  }

  @AfterEach
  void close() {
    spinnaker.close();
  }

  private JsonNode submit(CloudOperation op) {
    spinnaker.clouds.titus().submit(new TaskRequest("fnord", op.description(), "titus:cluster:titustest:fnord-web:"
        + "us-east-1", List.of(op), null, null, null));
    return spinnaker.server.requests("POST /ops").get(0).json().path("job");
  }

  static final TargetTrackingPolicy TT = new TargetTrackingPolicy(35.0, true, null, null, null,
      new TargetTrackingPolicy.CustomMetric("AverageCPUUtilization", "NFLX/EPIC", "Average", null, Map.of()));

  static final StepScalingPolicy STEP = new StepScalingPolicy("PercentChangeInCapacity", null,
      "GreaterThanOrEqualToThreshold", null, 3, Duration.ofSeconds(60), 60, "AverageCPUUtilization", "NFLX/EPIC",
      "Average", null, null, Set.of(new StepScalingPolicy.StepAdjustment(null, 0.0, 50)));

  static TitusServerGroup job(ScalingSpec scaling) {
    return new TitusServerGroup("fnord-web", null, new Location("titustest", "us-east-1"),
        new ContainerImage("fnord/web", "sha256:abc"), new Capacity(1, 4, null), "fnord", ConstraintsSpec.DEFAULT,
        new ClusterDependencies(Set.of(), Set.of("fnord", "fnord-elb", "nf-infrastructure"), Set.of()), "",
        Map.of("EC2_REGION", "us-east-1"), Map.of(), MigrationPolicySpec.DEFAULT, new ResourcesSpec(2, 1024, null, null,
            null), Map.of(), scaling, true, "1.0.0");
  }

  @Test
  void aTitusDeployNamesItsContainerByDigestAndItsGroupsInTheBackingAwsAccount() {
    JsonNode job = submit(new ServerGroupOperation.CreateServerGroup<>(job(new ScalingSpec(Set.of(TT), Set.of())),
        new DeployStrategy.RedBlack(DeployHealth.NONE, false, false, 2, Duration.ZERO, Duration.ZERO,
            Duration.ofMinutes(30), List.of()), "fnord-web-v007", new DeployWave("us-east-1", null, null, null)));

    assertThat(job).hasSize(2);
    JsonNode create = job.get(0);
    assertThat(create).isEqualTo(json("""
        {"type":"createServerGroup","cloudProvider":"titus","region":"us-east-1",
         "capacity":{"min":1,"max":4,"desired":1},
         "moniker":{"app":"fnord","stack":"web","detail":null,"cluster":"fnord-web","sequence":null},
         "application":"fnord","credentials":"titustest","account":"titustest","network":"default","inService":true,
         "targetHealthyDeployPercentage":100,"useDefaultIamRole":true,"capacityGroup":"fnord","entryPoint":"",
         "env":{"EC2_REGION":"us-east-1"},"containerAttributes":{},
         "constraints":{"hard":{},"soft":{"ZoneBalance":"true"}},"registry":"testregistry",
         "migrationPolicy":{"type":"systemDefault"},
         "resources":{"cpu":2,"memory":1024,"disk":10000,"gpu":0,"networkMbps":128},
         "stack":"web","freeFormDetails":"","tags":{},"reason":"Diff detected at 2025-01-01T10:00:00Z",
         "securityGroups":["sg-fnord-elb"],"loadBalancers":[],"targetGroups":[],
         "digest":"sha256:abc","imageId":"fnord/web:sha256:abc",
         "source":{"account":"titustest","region":"us-east-1","asgName":"fnord-web-v007"},
         "strategy":"redblack","maxRemainingAsgs":2,"delayBeforeDisableSec":0,"delayBeforeScaleDownSec":0,
         "scaleDown":false,"rollback":{"onFailure":false},"stageTimeoutMs":1800000,
         "interestingHealthProviderNames":["Titus"],"refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
    assertThat(job.get(1)).isEqualTo(json("""
        {"type":"upsertScalingPolicy","cloudProvider":"titus","credentials":"titustest","region":"us-east-1",
         "serverGroupName":"fnord-web-v008",
         "moniker":{"app":"fnord","stack":"web","detail":null,"cluster":"fnord-web","sequence":8},"jobId":null,
         "targetTrackingConfiguration":{"targetValue":35.0,"disableScaleIn":true,"scaleOutCooldown":300,
           "scaleInCooldown":300,"customizedMetricSpecification":{"metricName":"AverageCPUUtilization",
             "namespace":"NFLX/EPIC","statistic":"Average","unit":null,
             "dimensions":[{"name":"AutoScalingGroupName","value":"fnord-web-v008"}]}},
         "refId":"2","requisiteStageRefIds":["1"],"user":"Spinnaker"}"""));
  }

  @Test
  void titusPoliciesOfAnExistingJobCarryItsIdAndAreDeletedById() {
    JsonNode upsert = submit(new ServerGroupOperation.UpsertScalingPolicies<>("titustest", "us-east-1",
        "fnord-web-v007", new ScalingSpec(Set.of(), Set.of(STEP)))).get(0);

    assertThat(upsert).isEqualTo(json("""
        {"type":"upsertScalingPolicy","cloudProvider":"titus","credentials":"titustest","region":"us-east-1",
         "serverGroupName":"fnord-web-v007",
         "moniker":{"app":"fnord","stack":"web","detail":null,"cluster":"fnord-web","sequence":7},
         "jobId":"a0d4c686-8433-4fda-9abc-a3fd7cddb073","adjustmentType":"PercentChangeInCapacity",
         "alarm":{"region":"us-east-1","actionsEnabled":true,"comparisonOperator":"GreaterThanOrEqualToThreshold",
           "dimensions":[{"name":"AutoScalingGroupName","value":"fnord-web-v007"}],"evaluationPeriods":3,
           "period":60,"threshold":60,"namespace":"NFLX/EPIC","metricName":"AverageCPUUtilization",
           "statistic":"Average"},
         "step":{"cooldown":300,"metricAggregationType":"Average",
           "stepAdjustments":[{"metricIntervalLowerBound":null,"metricIntervalUpperBound":0.0,
             "scalingAdjustment":50}]},
         "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
  }

  @Test
  void deletingTitusPoliciesNamesThemById() {
    JsonNode job = submit(new ServerGroupOperation.DeleteScalingPolicies<>("titustest", "us-east-1",
        "fnord-web-v007", Set.of("p-2", "p-1"), new ScalingSpec(Set.of(TT), Set.of(STEP))));

    assertThat(job).hasSize(2);
    assertThat(job.get(0).path("type").asText()).isEqualTo("deleteScalingPolicy");
    assertThat(job.get(0).path("scalingPolicyID").asText()).isEqualTo("p-1");
    assertThat(job.get(1).path("scalingPolicyID").asText()).isEqualTo("p-2");
    assertThat(job.get(1).path("cloudProvider").asText()).isEqualTo("titus");
  }

  @Test
  void titusResizesAndDisablesAreTheSharedStagesWithTitusAsProvider() {
    JsonNode job = submit(new ServerGroupOperation.ResizeServerGroup("titustest", "us-east-1", "fnord-web-v007",
        new Capacity(1, 2, 2)));

    assertThat(job.get(0).path("type").asText()).isEqualTo("resizeServerGroup");
    assertThat(job.get(0).path("cloudProvider").asText()).isEqualTo("titus");
    assertThat(job.get(0).path("capacity")).isEqualTo(json("{\"min\":1,\"max\":2,\"desired\":2}"));
  }

  @Test
  void theTestContainerRunsAsARunJobTaskTrackedAsABatchJob() {
    spinnaker.server.on("GET /tasks/01TASK", ScriptedServer.json(Payloads.text("single-region-deploy.json")));

    String id = spinnaker.clouds.titus().runJob(new BatchJob("titustest", "us-east-1", "fnord", "fnord/tests:1.0",
        null, Map.of("TARGET", "fnord-web")));

    assertThat(id).isEqualTo("01TASK");
    JsonNode body = spinnaker.server.requests("POST /ops").get(0).json();
    assertThat(body.path("trigger").path("correlationId").asText())
        .isEqualTo("test-container:titustest:us-east-1:fnord/tests:1.0");
    assertThat(body.path("job").get(0)).isEqualTo(json("""
        {"type":"runJob","application":"fnord","cloudProvider":"titus","cloudProviderType":"aws",
         "account":"titustest","credentials":"titustest","region":"us-east-1","registry":"testregistry",
         "cluster":{"application":"fnord","region":"us-east-1","imageId":"fnord/tests:1.0","entryPoint":"",
           "env":{"TARGET":"fnord-web"},"capacityGroup":"fnord",
           "resources":{"cpu":1,"memory":5000,"disk":10000,"gpu":0,"networkMbps":128},"retries":0,
           "runtimeLimitSecs":2700,"securityGroups":[]},
         "deferredInitialization":true,"waitForCompletion":true,
         "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
    assertThat(spinnaker.clouds.titus().job(id)).hasValueSatisfying(s ->
        assertThat(s.state()).isEqualTo(BatchJob.State.SUCCEEDED));
  }

  @Test
  void titusReadsUseTheClusterAndDockerRegistryEndpoints() {
    spinnaker.server.on("GET /dockerRegistry/images/find", ScriptedServer.json("""
        [{"account":"testregistry","repository":"fnord/web","tag":"1.0.0","digest":"sha256:a","date":"1000"},
         {"account":"testregistry","repository":"fnord/web","tag":"1.1.0","digest":"sha256:b","date":"2000"}]"""));
    var titus = spinnaker.clouds.titus();

    var groups = titus.serverGroups("titustest", "us-east-1", "fnord-web");
    var images = titus.images("testregistry", "fnord/web");

    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).name()).isEqualTo("fnord-web-v007");
    assertThat(images).extracting(i -> i.tag()).containsExactly("1.1.0", "1.0.0");
    assertThat(spinnaker.server.requests("GET /dockerRegistry/images/find").get(0).query()).isEqualTo(Map.of(
        "account", "testregistry", "repository", "fnord/web", "includeDetails", "true"));
    assertThat(titus.account("titustest")).hasValueSatisfying(a -> {
      assertThat(a.awsAccount()).isEqualTo("test");
      assertThat(a.awsAccountId()).isEqualTo("123456789012");
      assertThat(a.registry()).isEqualTo("testregistry");
    });
    assertThat(titus.regions("titustest")).containsExactly("us-east-1");
    assertThat(titus.securityGroupExists("test", "us-east-1", "fnord")).isTrue();
    assertThat(titus.securityGroupExists("test", "us-east-1", "missing")).isFalse();
  }
}
