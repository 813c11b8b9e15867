package dev.keel.testkit.spinnaker.it;

/** Orca task bodies as Keel sends them (reference §4), for the tests to post. */
final class Bodies {

  private Bodies() {}

  static String envelope(String correlationId, String description, String stages) {
    return """
        {"name": "%2$s", "application": "fnord", "description": "%2$s",
         "job": [%3$s],
         "trigger": {"correlationId": "%1$s", "notifications": [], "type": "keel", "user": "keel",
                     "artifacts": [], "parameters": {}}}
        """.formatted(correlationId, description, stages);
  }

  /** An EC2 {@code createServerGroup} stage deploying an AMI to fnord-main in test/us-east-1. */
  static String createEc2(String ami, String strategy, String securityGroupIds) {
    return """
        {"type": "createServerGroup", "refId": "1", "requisiteStageRefIds": [], "user": "Spinnaker",
         "application": "fnord", "credentials": "test", "account": "test", "cloudProvider": "aws",
         "capacity": {"min": 1, "max": 3, "desired": 2}, "targetHealthyDeployPercentage": 100, "cooldown": 10,
         "enabledMetrics": [], "healthCheckType": "EC2", "healthCheckGracePeriod": 600, "instanceMonitoring": false,
         "ebsOptimized": true, "iamRole": "fnordInstanceProfile", "terminationPolicies": ["OldestInstance"],
         "subnetType": "internal (vpc0)", "availabilityZones": {"us-east-1": ["us-east-1a", "us-east-1b"]},
         "keyPair": "nf-keypair-us-east-1", "suspendedProcesses": [], "securityGroups": [%3$s], "stack": "main",
         "freeFormDetails": "", "tags": {"owner": "team-fnord"}, "useAmiBlockDeviceMappings": false,
         "copySourceCustomBlockDeviceMappings": false, "virtualizationType": "hvm",
         "moniker": {"app": "fnord", "stack": "main", "cluster": "fnord-main"}, "amiName": "%1$s",
         "reason": "Diff detected at 2026-01-05T10:00:00Z", "instanceType": "m5.large", "loadBalancers": [],
         "targetGroups": [], "requireIMDSv2": false, "strategy": "%2$s", "maxRemainingAsgs": 2,
         "delayBeforeDisableSec": 0, "delayBeforeScaleDownSec": 0, "rollback": {"onFailure": false},
         "scaleDown": false, "stageTimeoutMs": 1800000, "metadata": {"resource": "ec2:cluster:test:fnord-main"}}
        """.formatted(ami, strategy, securityGroupIds);
  }

  /** A whole task deploying fnord-main in test/us-east-1. */
  static String deployEc2(String ami) {
    return envelope("ec2:cluster:test:fnord-main:us-east-1", "Deploy " + ami + " to cluster fnord-main in"
        + " test/us-east-1", createEc2(ami, "redblack", ""));
  }

  /** A Titus {@code createServerGroup} stage deploying fnord/api at a tag to fnord-api in test/us-east-1. */
  static String createTitus(String tag) {
    return """
        {"type": "createServerGroup", "refId": "1", "user": "Spinnaker", "application": "fnord",
         "credentials": "test", "account": "test", "cloudProvider": "titus", "region": "us-east-1",
         "network": "default", "inService": true, "capacity": {"min": 1, "max": 1, "desired": 1},
         "useDefaultIamRole": true, "capacityGroup": "fnord", "entryPoint": "",
         "env": {"EC2_REGION": "us-east-1"}, "containerAttributes": {},
         "constraints": {"hard": {}, "soft": {"ZoneBalance": "true"}}, "registry": "testregistry",
         "migrationPolicy": {"type": "systemDefault"},
         "resources": {"cpu": 1, "memory": 512, "disk": 10000, "gpu": 0, "networkMbps": 128},
         "securityGroups": [], "imageId": "fnord/api:%1$s", "tag": "%1$s", "stack": "api",
         "moniker": {"app": "fnord", "stack": "api", "cluster": "fnord-api"}, "tags": {},
         "loadBalancers": [], "targetGroups": [], "strategy": "highlander"}
        """.formatted(tag);
  }

  /** A Titus {@code createServerGroup} naming its image by digest, as Keel's adapter sends it. */
  static String createTitusByDigest(String digest) {
    return createTitus("ignored").replace("\"imageId\": \"fnord/api:ignored\", \"tag\": \"ignored\"",
        "\"imageId\": \"fnord/api:" + digest + "\", \"digest\": \"" + digest + "\"");
  }

  /** A stage of a server group operation: type, cloud provider, credentials, region and server group. */
  static String stage(String type, String provider, String serverGroup, String more) {
    return """
        {"type": "%s", "cloudProvider": "%s", "credentials": "test", "region": "us-east-1",
         "serverGroupName": "%s", "asgName": "%3$s"%s}
        """.formatted(type, provider, serverGroup, more.isEmpty() ? "" : ", " + more);
  }

  /** An EC2 target tracking policy stage on CPU at 50 %. */
  static String targetTracking(String serverGroup) {
    return stage("upsertScalingPolicy", "aws", serverGroup, """
        "estimatedInstanceWarmup": 300, "targetTrackingConfiguration": {"targetValue": 50.0,
         "disableScaleIn": false, "predefinedMetricSpecification": {"predefinedMetricType":
         "ASGAverageCPUUtilization", "resourceLabel": null}}""");
  }
}
