package dev.keel.testkit.spinnaker.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.testkit.spinnaker.Service;
import dev.keel.titus.api.DockerImage;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Clouddriver's reads answer from the simulated clouds' current state, with Clouddriver's 404s and 503s. */
class ClouddriverReadsTest {

  private final SpinnakerWorld world = new SpinnakerWorld();

  @AfterEach
  void close() {
    world.close();
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.get(field).asText()));
    return out;
  }

  private void threeGroups() {
    var east = SpinnakerWorld.ec2Group("fnord-main", "ami-1", Set.of());
    world.ec2.existingServerGroup(east, "fnord-main-v001", false, true);
    world.ec2.existingServerGroup(east, "fnord-main-v002", true, true);
    var west = new dev.keel.ec2.api.model.Ec2ServerGroup("fnord-main", new dev.keel.ec2.api.model.Location("test",
        "us-west-2", "vpc0", "internal (vpc0)", Set.of()), east.launchConfiguration(), east.capacity(),
        east.dependencies(), east.health(), Set.of(), east.scaling(), Map.of(), true, null);
    world.ec2.existingServerGroup(west, "fnord-main-v000", true, true);
  }

  @Test
  void aClusterHasEveryServerGroupOfEveryRegionEnabledOrNot() {
    threeGroups();

    JsonNode cluster = world.clouddriver("/applications/fnord/clusters/test/fnord-main/aws").body();

    assertThat(cluster.get("accountName").asText()).isEqualTo("test");
    assertThat(texts(cluster.get("serverGroups"), "name"))
        .containsExactlyInAnyOrder("fnord-main-v001", "fnord-main-v002", "fnord-main-v000");
    assertThat(texts(cluster.get("serverGroups"), "disabled")).containsExactlyInAnyOrder("true", "false", "false");
    JsonNode v002 = cluster.get("serverGroups").findParents("name").stream()
        .filter(g -> g.get("name").asText().equals("fnord-main-v002")).findFirst().orElseThrow();
    assertThat(v002.get("region").asText()).isEqualTo("us-east-1");
    assertThat(v002.at("/capacity/desired").asInt()).isEqualTo(2);
    assertThat(v002.at("/launchConfig/imageId").asText()).isEqualTo("ami-1");
    assertThat(v002.at("/asg/vpczoneIdentifier").asText()).isEqualTo("subnet-test-us-east-1a-i,subnet-test-us-east-1b-i");
    assertThat(v002.at("/vpcId").asText()).isEqualTo("vpc-test-us-east-1");
    assertThat(v002.at("/asg/tags/0/key").asText()).isEqualTo("owner");
  }

  @Test
  void theActiveServerGroupIsTheNewestEnabledOneOfItsRegion() {
    threeGroups();
    world.ec2.externalDisable("test", "us-west-2", "fnord-main-v000");
    String active = "/applications/fnord/clusters/test/fnord-main/aws/%s/serverGroups/target/current_asg_dynamic"
        + "?onlyEnabled=true";

    assertThat(world.clouddriver(active.formatted("us-east-1")).body().get("name").asText())
        .isEqualTo("fnord-main-v002");
    assertThat(world.clouddriver(active.formatted("us-west-2")).status()).isEqualTo(404);
    assertThat(world.clouddriver(active.formatted("eu-west-1")).status()).isEqualTo(404);
  }

  @Test
  void anUnknownClusterOrAClusterOfAnotherApplicationIsNotFound() {
    threeGroups();

    assertThat(world.clouddriver("/applications/fnord/clusters/test/fnord-other/aws").status()).isEqualTo(404);
    assertThat(world.clouddriver("/applications/keel/clusters/test/fnord-main/aws").status()).isEqualTo(404);
    assertThat(world.clouddriver("/applications/fnord/clusters/test/fnord-main/gce").status()).isEqualTo(404);
  }

  @Test
  void aReadTheSimulatedCloudFailsIsA503AndTheNextSucceeds() {
    threeGroups();
    world.ec2.failNextReads(1);

    var failed = world.clouddriver("/applications/fnord/clusters/test/fnord-main/aws");
    var next = world.clouddriver("/applications/fnord/clusters/test/fnord-main/aws");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.body().get("message").asText()).contains("503");
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  void securityGroupsAreFoundByNameInTheirVpcAndByTheIdsServerGroupsName() {
    world.ec2.existing(new Ec2Operation.UpsertSecurityGroup(new SecurityGroup("fnord", "test", "us-east-1", "vpc0",
        "fnord", Set.of()), true));
    world.ec2.existingServerGroup(SpinnakerWorld.ec2Group("fnord-main", "ami-1", Set.of("fnord")), null, true, true);
    String id = world.clouddriver("/applications/fnord/clusters/test/fnord-main/aws").body()
        .at("/serverGroups/0/securityGroups/0").asText();

    JsonNode byName = world.clouddriver("/securityGroups/test/aws/us-east-1/fnord?vpcId=vpc-test-us-east-1").body();
    JsonNode byId = world.clouddriver("/securityGroups/test/aws/us-east-1/" + id + "?getById=true").body();

    assertThat(byName.get("id").asText()).isEqualTo(id).startsWith("sg-");
    assertThat(byId.get("name").asText()).isEqualTo("fnord");
    assertThat(world.clouddriver("/securityGroups/test/aws/us-east-1/fnord?vpcId=vpc-elsewhere").status())
        .isEqualTo(404);
    assertThat(world.clouddriver("/securityGroups/test/aws/us-east-1/nope").status()).isEqualTo(404);
  }

  @Test
  void aSecurityGroupOnlyTitusKnowsIsFoundInItsAwsAccount() {
    world.titus.securityGroup("test", "us-east-1", "fnord-titus");

    var found = world.clouddriver("/securityGroups/test/aws/us-east-1/fnord-titus");

    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body().get("name").asText()).isEqualTo("fnord-titus");
  }

  @Test
  void oneLoadBalancerIsAListEmptyWhenItDoesNotExist() {
    var none = world.clouddriver("/aws/loadBalancers/test/us-east-1/fnord-main-clb");

    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body()).isEmpty();
    assertThat(world.clouddriver("/applications/fnord/loadBalancers").body()).isEmpty();
  }

  @Test
  void namedImagesMatchTheQueryTheAccountAndTheRegion() {
    Instant t = Instant.parse("2026-01-04T10:00:00Z");
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0-a", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        Map.of("us-east-1", "ami-1"), t));
    world.ec2.catalog().image(new Catalog.Image("fnord-1.0.0-b", "fnord-1.0.0-h1.abc", "bionicbase-release-1",
        Map.of("us-east-1", "ami-2", "us-west-2", "ami-3"), t.plusSeconds(60)));
    world.ec2.catalog().image(new Catalog.Image("fnord-2.0.0", "fnord-2.0.0-h2.def", null, Map.of("us-east-1",
        "ami-4"), t));

    JsonNode all = world.clouddriver("/aws/images/find?q=fnord-1.0.0&account=test").body();
    JsonNode west = world.clouddriver("/aws/images/find?q=fnord-1.0.0&account=test&region=us-west-2").body();

    assertThat(texts(all, "imageName")).containsExactly("fnord-1.0.0-b", "fnord-1.0.0-a");
    assertThat(all.get(0).get("accounts").get(0).asText()).isEqualTo("test");
    assertThat(texts(west, "imageName")).containsExactly("fnord-1.0.0-b");
    assertThat(world.clouddriver("/aws/images/test/us-west-2/ami-3").body().get(0).get("imageName").asText())
        .isEqualTo("fnord-1.0.0-b");
    assertThat(world.clouddriver("/aws/images/test/us-west-2/ami-1").status()).isEqualTo(404);
  }

  @Test
  void theCredentialsOfAnAccountBothCloudsKnowHoldWhatEachAdapterReads() {
    JsonNode test = world.clouddriver("/credentials/test").body();

    assertThat(test.get("defaultKeyPair").asText()).isEqualTo("nf-keypair-{{region}}");
    assertThat(test.get("awsAccount").asText()).isEqualTo("test");
    assertThat(test.get("registry").asText()).isEqualTo("testregistry");
    assertThat(texts(test.get("regions"), "name")).containsExactly("eu-west-1", "us-east-1", "us-west-1",
        "us-west-2");
    assertThat(world.clouddriver("/credentials/prod-account").body().has("registry")).isFalse();
    assertThat(world.clouddriver("/credentials/nobody").status()).isEqualTo(404);
  }

  @Test
  void networksSubnetsAndCertificatesListEveryAccount() {
    world.ec2.catalog().addCertificate("prod", "fnord-cert");

    JsonNode networks = world.clouddriver("/networks/aws").body();
    JsonNode subnets = world.clouddriver("/subnets/aws").body();
    JsonNode certificates = world.clouddriver("/certificates/aws").body();

    assertThat(networks).hasSize(16);
    assertThat(texts(networks, "id")).contains("vpc-test-us-east-1", "vpc-prod-eu-west-1");
    assertThat(subnets).hasSize(16 * 6);
    assertThat(texts(subnets, "purpose")).contains("internal (vpc0)", "external (vpc0)");
    assertThat(texts(certificates, "serverCertificateName")).containsExactly("fnord-cert");
    assertThat(certificates.get(0).get("arn").asText()).contains("server-certificate/fnord-cert");
  }

  @Test
  void dockerImagesAreFoundInOneRegistryOrInEveryRegistry() {
    Instant t = Instant.parse("2026-01-04T10:00:00Z");
    world.titus.push("testregistry", new DockerImage("fnord/api", "1.0.0", "sha256:a", t));
    world.titus.push("testregistry", new DockerImage("fnord/api", "1.1.0", "sha256:b", t.plusSeconds(60)));
    world.titus.push("prodregistry", new DockerImage("fnord/api", "1.0.0", "sha256:a", t));

    JsonNode tags = world.clouddriver("/dockerRegistry/images/tags?account=testregistry&repository=fnord/api").body();
    JsonNode everywhere = world.clouddriver("/dockerRegistry/images/find?repository=fnord/api&includeDetails=true")
        .body();

    assertThat(tags.get(0).asText()).isEqualTo("1.1.0");
    assertThat(tags).hasSize(2);
    assertThat(texts(everywhere, "account")).containsExactlyInAnyOrder("prodregistry", "testregistry",
        "testregistry");
    assertThat(world.clouddriver("/dockerRegistry/images/find?account=testregistry").status()).isEqualTo(400);
  }

  @Test
  void everyCallNeedsTheSpinnakerUserAndIsRecordedWithItsHeaders() {
    var anonymous = world.sendAs(HttpRequest.newBuilder(world.url(Service.CLOUDDRIVER, "/networks/aws")).GET());
    world.clouddriver("/networks/aws");

    assertThat(anonymous.status()).isEqualTo(403);
    var recorded = world.fake.requests(Service.CLOUDDRIVER);
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(0).status()).isEqualTo(403);
    assertThat(recorded.get(1).header("x-spinnaker-user")).isEqualTo(SpinnakerWorld.USER);
    assertThat(recorded.get(1).header("X-SPINNAKER-USER-ORIGIN")).isEqualTo("keel");
    assertThat(world.fake.requests(Service.ORCA)).isEmpty();
  }

  @Test
  void aPathNoRouteServesIs404AndAnotherMethodIs405() {
    assertThat(world.clouddriver("/nothing/here").status()).isEqualTo(404);
    var post = world.send(HttpRequest.newBuilder(world.url(Service.CLOUDDRIVER, "/networks/aws"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(post.status()).isEqualTo(405);
    assertThat(world.orca("/applications/fnord/clusters/test/fnord-main/aws").status()).isEqualTo(404);
  }
}
