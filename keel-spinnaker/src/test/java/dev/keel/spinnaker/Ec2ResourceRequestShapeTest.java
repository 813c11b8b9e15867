package dev.keel.spinnaker;

import static dev.keel.spinnaker.Ec2RequestShapeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests of EC2's own operations (security groups, load balancers, bakes) and of the EC2 reads: path,
 * query, headers and body, as keel-cloud-handlers.md §2.4, §2.5 and spinnaker-adapters.md §2 and §4 give them.
 */
class Ec2ResourceRequestShapeTest {

  private final Spinnaker spinnaker;

  Ec2ResourceRequestShapeTest() throws IOException {
    spinnaker = new Spinnaker().withCatalog();
  }

  @AfterEach
  void close() {
    spinnaker.close();
  }

  private JsonNode submit(CloudOperation op) {
    spinnaker.clouds.ec2().submit(new TaskRequest("fnord", op.description(), "id:us-east-1", List.of(op), null, null,
        null));
    return spinnaker.server.requests("POST /ops").get(0).json();
  }

  private static final SecurityGroup SG = new SecurityGroup("fnord", "test", "us-east-1", "vpc0", "fnord's group",
      Set.of(new SecurityGroupRule("TCP", new PortRange(7001, 7002), "fnord-elb", null, null, null, null, null),
          new SecurityGroupRule("TCP", new PortRange(8080, 8080), "fnord", null, null, null, null, null),
          new SecurityGroupRule("TCP", new PortRange(443, 443), "other", "prod", "vpc0", null, null, null),
          new SecurityGroupRule("ALL", PortRange.ALL, null, null, null, "10.0.0.0/8", null, null),
          new SecurityGroupRule("UDP", new PortRange(53, 53), null, null, null, null, "pl-123", null)));

  @Test
  void creatingASecurityGroupLeavesTheSelfReferenceForTheNextUpdate() {
    spinnaker.server.replace("GET /networks/aws", ScriptedServer.json("""
        [{"id":"vpc-1","name":"vpc0","account":"test","region":"us-east-1"},
         {"id":"vpc-2","name":"vpc0","account":"prod","region":"us-east-1"}]"""));

    JsonNode stage = submit(new Ec2Operation.UpsertSecurityGroup(SG, true)).path("job").get(0);

    assertThat(stage).isEqualTo(json("""
        {"type":"upsertSecurityGroup","application":"fnord","credentials":"test","accountName":"test",
         "cloudProvider":"aws","name":"fnord","regions":["us-east-1"],"vpcId":"vpc-1","description":"fnord's group",
         "securityGroupIngress":[
           {"type":"tcp","startPort":443,"endPort":443,"name":"other","accountName":"prod",
            "crossAccountEnabled":true,"vpcId":"vpc-2"},
           {"type":"tcp","startPort":7001,"endPort":7002,"name":"fnord-elb"}],
         "ipIngress":[{"type":"-1","startPort":0,"endPort":65535,"cidr":"10.0.0.0/8"}],
         "prefixListIngress":[{"type":"udp","startPort":53,"endPort":53,"prefixListId":"pl-123"}],
         "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
  }

  @Test
  void updatingASecurityGroupSendsTheSelfReferenceAndNoPrefixLists() {
    spinnaker.server.replace("GET /networks/aws", ScriptedServer.json("""
        [{"id":"vpc-1","name":"vpc0","account":"test","region":"us-east-1"},
         {"id":"vpc-2","name":"vpc0","account":"prod","region":"us-east-1"}]"""));

    JsonNode stage = submit(new Ec2Operation.UpsertSecurityGroup(SG, false)).path("job").get(0);

    assertThat(stage.path("securityGroupIngress").toString()).contains("{\"type\":\"tcp\",\"startPort\":8080,"
        + "\"endPort\":8080,\"name\":\"fnord\"}");
    assertThat(stage.has("prefixListIngress")).isFalse();
  }

  @Test
  void deletingASecurityGroupNamesItsVpc() {
    JsonNode stage = submit(new Ec2Operation.DeleteSecurityGroup("test", "us-east-1", "vpc0", "fnord"))
        .path("job").get(0);

    assertThat(stage).isEqualTo(json("""
        {"type":"deleteSecurityGroup","securityGroupName":"fnord","regions":["us-east-1"],"credentials":"test",
         "vpcId":"vpc-1","cloudProvider":"aws","refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
  }

  @Test
  void aClassicLoadBalancerIsUpsertedWhole() {
    var clb = new ClassicLoadBalancer("fnord-clb", new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
        Set.of("us-east-1a")), true, Set.of("fnord-elb"),
        Set.of(new ClassicLoadBalancerSpec.Listener("HTTP", 7001, "HTTP", 80, null)),
        new ClassicLoadBalancerSpec.HealthCheck("HTTP:7001/health", null, null, null, null), Duration.ofSeconds(60));

    JsonNode stage = submit(new Ec2Operation.UpsertClassicLoadBalancer(clb, true)).path("job").get(0);

    assertThat(stage).isEqualTo(json("""
        {"type":"upsertLoadBalancer","application":"fnord","credentials":"test","cloudProvider":"aws",
         "name":"fnord-clb","region":"us-east-1","availabilityZones":{"us-east-1":["us-east-1a"]},
         "loadBalancerType":"classic","vpcId":"vpc-1","subnetType":"internal (vpc0)","isInternal":true,
         "idleTimeout":60,"securityGroups":["fnord-elb"],"healthCheck":"HTTP:7001/health","healthInterval":10,
         "healthyThreshold":5,"unhealthyThreshold":2,"healthTimeout":5,
         "listeners":[{"internalProtocol":"HTTP","internalPort":7001,"externalProtocol":"HTTP","externalPort":80,
           "sslCertificateId":null}],
         "refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
  }

  @Test
  void anApplicationLoadBalancerSendsListenersWithCertificateArnsAndTargetGroups() {
    var listener = new ApplicationLoadBalancerSpec.Listener(443, "HTTPS", "fnord-cert",
        Set.of(new ApplicationLoadBalancerSpec.Rule("10", List.of(new ApplicationLoadBalancerSpec.Condition(
            "path-pattern", List.of("/api/*"))), List.of(ApplicationLoadBalancerSpec.Action.forward(1, "fnord-tg")),
            false)),
        List.of(ApplicationLoadBalancerSpec.Action.forward(1, "fnord-tg")));
    var tg = new ApplicationLoadBalancerSpec.TargetGroup("fnord-tg", null, null, 7001, null, null, null, null, null,
        null, null, null, null, null);
    var alb = new ApplicationLoadBalancer("fnord-alb", new Location("test", "us-east-1", "vpc0", "internal (vpc0)",
        Set.of("us-east-1a")), false, Set.of("fnord-elb"), Duration.ofSeconds(60), Set.of(listener), Set.of(tg));

    JsonNode stage = submit(new Ec2Operation.UpsertApplicationLoadBalancer(alb, false)).path("job").get(0);

    assertThat(stage.path("loadBalancerType").asText()).isEqualTo("application");
    assertThat(stage.path("isInternal").asBoolean()).isFalse();
    assertThat(stage.path("listeners")).isEqualTo(json("""
        [{"port":443,"protocol":"HTTPS",
          "rules":[{"priority":"10","conditions":[{"field":"path-pattern","values":["/api/*"]}],"default":false,
            "actions":[{"type":"forward","order":1,"targetGroupName":"fnord-tg"}]}],
          "defaultActions":[{"type":"forward","order":1,"targetGroupName":"fnord-tg"}],
          "certificates":[{"certificateArn":"arn:aws:iam::123456789012:server-certificate/fnord-cert"}]}]"""));
    assertThat(stage.path("targetGroups")).isEqualTo(json("""
        [{"name":"fnord-tg","targetType":"instance","protocol":"HTTP","port":7001,"healthCheckEnabled":true,
          "healthCheckTimeout":5,"healthCheckPort":7001,"healthCheckProtocol":"HTTP","healthCheckHttpCode":"200-299",
          "healthCheckPath":"/healthcheck","healthCheckInterval":10,"healthyThreshold":10,"unhealthyThreshold":2,
          "attributes":{"stickinessEnabled":false,"deregistrationDelay":300,"stickinessType":"lb_cookie",
            "stickinessDuration":86400,"slowStartDurationSeconds":0}}]"""));
  }

  @Test
  void deletingALoadBalancerNamesItAndItsRegion() {
    JsonNode stage = submit(new Ec2Operation.DeleteLoadBalancer("test", "us-east-1", "fnord-clb")).path("job").get(0);

    assertThat(stage).isEqualTo(json("""
        {"type":"deleteLoadBalancer","loadBalancerName":"fnord-clb","regions":["us-east-1"],"credentials":"test",
         "cloudProvider":"aws","refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
  }

  @Test
  void aBakeNamesThePackageAndCarriesItAsTheTriggersArtifact() {
    JsonNode body = submit(new Ec2Operation.Bake("test", List.of("us-east-1", "us-west-2"), "fnord",
        "fnord-1.2.3-h4.abc", "bionic", "release", "ebs"));

    assertThat(body.path("job").get(0)).isEqualTo(json("""
        {"type":"bake","amiSuffix":"","baseOs":"bionic","baseLabel":"release","cloudProviderType":"aws",
         "package":"fnord_1.2.3-h4.abc_all.deb","regions":["us-east-1","us-west-2"],"storeType":"ebs",
         "vmType":"hvm","refId":"1","requisiteStageRefIds":[],"user":"Spinnaker"}"""));
    assertThat(body.path("trigger").path("artifacts")).isEqualTo(json("""
        [{"type":"DEB","name":"fnord","version":"1.2.3-h4.abc","reference":"fnord_1.2.3-h4.abc_all.deb"}]"""));
  }

  @Test
  void readsCallClouddriversPathsWithKeelsHeaders() {
    var ec2 = spinnaker.clouds.ec2();
    ec2.serverGroups("test", "us-east-1", "fnord-main");
    ec2.securityGroup("test", "us-east-1", "vpc0", "fnord");
    ec2.classicLoadBalancer("test", "us-east-1", "fnord-clb");
    ec2.findImages("fnord-1.0.0~rc.1", "test");
    ec2.targetGroups("fnord", "test", "us-east-1");
    ec2.account("test");

    var paths = spinnaker.server.requests().stream().map(ScriptedServer.Request::route).toList();
    assertThat(paths).contains("GET /applications/fnord/clusters/test/fnord-main/aws",
        "GET /securityGroups/test/aws/us-east-1/fnord", "GET /aws/loadBalancers/test/us-east-1/fnord-clb",
        "GET /aws/images/find", "GET /applications/fnord/loadBalancers", "GET /credentials/test",
        "GET /networks/aws");
    assertThat(spinnaker.server.requests("GET /aws/images/find").get(0).query())
        .containsExactly(java.util.Map.entry("q", "fnord-1.0.0_rc.1"), java.util.Map.entry("account", "test"));
    assertThat(spinnaker.server.requests()).allSatisfy(r -> assertThat(r.headers())
        .containsEntry("x-spinnaker-user", "keel@spinnaker.io").containsEntry("x-spinnaker-user-origin", "keel")
        .containsEntry("accept", "application/json"));
  }

  @Test
  void taskStatusAndCorrelationAreReadFromOrca() {
    spinnaker.server.on("GET /tasks/01TASK", ScriptedServer.json(Payloads.text("failed-managed-rollout.json")));
    spinnaker.server.on("GET /executions/correlated/ec2%3Acluster%3Atest%3Afnord%3Aus-east-1",
        ScriptedServer.json("[\"01TASK\"]"));

    var ec2 = spinnaker.clouds.ec2();

    assertThat(ec2.task("01TASK")).hasValueSatisfying(t -> assertThat(t.failure()).startsWith("workflowId="));
    assertThat(ec2.isRunning("ec2:cluster:test:fnord:us-east-1")).isTrue();
    assertThat(ec2.isRunning("other")).isFalse();
    assertThat(ec2.task("unknown")).isEmpty();
  }
}
