package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Location;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.engine.Actor;
import dev.keel.engine.Judgement;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each of Keel's example configs with EC2 resources plans and converges on a simulated EC2 seeded with the
 * accounts, networks, images and the outside dependencies (security groups and load balancers the config
 * names but does not declare) it needs. The artifact version is published through the engine and promoted
 * by it: each environment's constraints (depends-on, a manual judgement given by the test, a pipeline that
 * a stand-in evaluator passes, and the implicit {@code bake}) decide when it arrives. An example whose
 * artifact declares {@code vmOptions} gets its version really baked on the simulated EC2 (the seeded image is
 * on an outdated base image), and its clusters run the baked AMIs.
 */
class KeelExamplesConvergeTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "keel-examples");
  private static final List<String> REGIONS = List.of("us-east-1", "us-west-1", "us-west-2", "eu-west-1");
  private static final String VERSION = "fnord-1.0.0-h1.abc";

  private static void seed(Ec2Scenario s) {
    s.cloud.catalog().image(new Catalog.Image(VERSION + "-bionic", VERSION, "bionicbase",
        Map.of("us-east-1", "ami-e1", "us-west-1", "ami-w1", "us-west-2", "ami-w2", "eu-west-1", "ami-eu"),
        Instant.parse("2026-01-01T00:00:00Z")));
    s.cloud.catalog().addCertificate("prod", "fnord.prod.illuminati.org-DigiCertSHA2SecureServerCA-20200205-20210205");
    for (String account : List.of("test", "prod", "prod-account", "testaccount")) {
      for (String region : REGIONS) {
        for (String group : List.of("fnord", "fnord-internal-service", "fnord-infrastructure", "nf-datacenter",
            "nf-infrastructure", "keeldemo", "datacenter-elb", "fnord-main-login-sg")) {
          s.cloud.externalApply(new Ec2Operation.UpsertSecurityGroup(
              new SecurityGroup(group, account, region, "vpc0", "outside", Set.of()), true));
        }
        for (String lb : List.of("fnord-main-login", "fnord-main")) {
          s.cloud.externalApply(new Ec2Operation.UpsertClassicLoadBalancer(new ClassicLoadBalancer(lb,
              new Location(account, region, "vpc0", "internal (vpc0)", Set.of()), true, Set.of(), Set.of(),
              new ClassicLoadBalancerSpec.HealthCheck("HTTP:7001/health", null, null, null, null),
              Duration.ofSeconds(60)), true));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"alb-example.yml", "clb-example.yml", "cluster-example.yml",
      "delivery-config-example.yml", "ec2-cluster-with-autoscaling-example.yml", "security-group-example.yml",
      "security-group-with-cidr-rule-example.yml"})
  void theExampleConvergesOnASeededSimulatedEc2(String file) {
    try (Ec2Scenario s = new Ec2Scenario(new dev.keel.engine.check.GiveUpPolicy(1, Duration.ofMinutes(10), 3), true)) {
      seed(s);
      DeliveryConfig config = s.harness.engine().configReader().read(EXAMPLES.resolve(file));
      s.harness.engine().submit(config);
      s.harness.engine().promotions().publish(new dev.keel.spi.model.ArtifactVersion("deb", "fnord",
          "fnord-1.0.0-h1.abc",
          Instant.parse("2026-01-01T00:00:00Z"), "main", Map.of()));
      config.environments().stream().filter(e -> e.constraint("manual-judgement").isPresent()).forEach(e ->
          s.harness.engine().promotions().judge(s.harness.engine().promotions().where(config.application(), e.name(),
              "fnord"), VERSION, "manual-judgement", Judgement.PASS, Actor.of("release-manager", "approved for the example")));

      boolean converged = s.converge(config, Duration.ofHours(6));

      assertThat(converged).as("%s: %s", file, config.environments().stream().flatMap(e -> e.resources().stream())
          .map(r -> r.id() + "=" + s.harness.status(r.id())).toList()).isTrue();
      config.environments().stream().flatMap(e -> e.resources().stream())
          .forEach(r -> assertThat(s.harness.status(r.id())).isEqualTo(ResourceStatus.HAPPY));
      s.harness.engine().promotions().status(config.application())
          .forEach(p -> assertThat(p.current()).as("%s in %s", file, p.environment()).contains(VERSION));
      boolean baked = config.artifacts().stream().anyMatch(Ec2Operation.Bake::bakes);
      if (baked) {
        // The seeded image is on an outdated base ("bionicbase"): the version was really baked, and deployed.
        Catalog.Image image = s.cloud.findImages(VERSION, "test").get(0);
        assertThat(image.baseImageName()).isEqualTo("bionicbase-release-1");
        assertThat(s.bakeEvents).extracting(e -> e.type()).contains("BakeLaunched", "BakeSucceeded")
            .doesNotContain("BakeFailed");
        config.environments().stream().flatMap(e -> e.resources().stream())
            .filter(r -> r.spec() instanceof dev.keel.ec2.api.spec.Ec2ClusterSpec).forEach(r -> {
              var c = (dev.keel.ec2.api.spec.Ec2ClusterSpec) r.spec();
              for (String region : c.locations().regionNames()) {
                List<dev.keel.ec2.api.Ec2ServerGroupState> groups = s.cloud.truth(c.locations().account(), region,
                    c.moniker().toName());
                assertThat(groups.get(groups.size() - 1).model().launchConfiguration().imageId())
                    .as("%s %s in %s", file, r.id(), region).isEqualTo(image.amis().get(region));
              }
            });
      }
      assertThat(baked).isEqualTo(!s.bakeEvents.isEmpty());
    }
  }
}
