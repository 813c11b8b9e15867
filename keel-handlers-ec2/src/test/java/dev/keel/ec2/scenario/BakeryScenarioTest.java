package dev.keel.ec2.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.bake.Bakery;
import dev.keel.engine.check.GiveUpPolicy;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.engine.schedule.RateLimit;
import dev.keel.engine.store.ConstraintState;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.PluginEvent;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bakery on virtual time, with the engine's real promotion: versions of a Debian artifact with
 * {@code vmOptions} are baked through the simulated EC2 before the implicit {@code bake} constraint lets them
 * into an environment; failed bakes are retried then given up; a new base image re-bakes what clusters run
 * and redeploys them, paced by the per-kind rate limit.
 */
class BakeryScenarioTest {

  private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");
  private static final GiveUpPolicy POLICY = new GiveUpPolicy(1, Duration.ofMinutes(10), 3);

  private static Ec2Scenario scenario() {
    return new Ec2Scenario(POLICY, true);
  }

  /** One app, a baked artifact in us-east-1 and us-west-2, a cluster in test then prod (after test). */
  static DeliveryConfig config(Ec2Scenario s, String app) {
    String yaml = """
        application: %1$s
        serviceAccount: keel@example.com
        artifacts:
        - name: %1$s
          type: deb
          reference: %1$s
          vmOptions:
            baseOs: bionic
            regions: [us-east-1, us-west-2]
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}, {name: us-west-2}]}
          resources:
          - kind: ec2/cluster@v1
            spec:
              moniker: {app: %1$s, stack: test}
              imageProvider: {reference: %1$s}
              deployWith: {strategy: highlander}
              launchConfiguration: {instanceType: m5.large}
              capacity: {min: 1, max: 1, desired: 1}
        - name: prod
          constraints:
          - type: depends-on
            environment: test
          locations: {account: prod, regions: [{name: us-east-1}, {name: us-west-2}]}
          resources:
          - kind: ec2/cluster@v1
            spec:
              moniker: {app: %1$s, stack: prod}
              imageProvider: {reference: %1$s}
              deployWith: {strategy: highlander}
              launchConfiguration: {instanceType: m5.large}
              capacity: {min: 1, max: 1, desired: 1}
        """.formatted(app);
    return s.harness.engine().configReader().read(yaml, app + ".yml");
  }

  private static void publish(Ec2Scenario s, String app, String version) {
    s.harness.engine().promotions().publish(new ArtifactVersion("deb", app, app + "-" + version,
        s.harness.now(), "main", Map.of()));
  }

  private static Optional<ConstraintState> bakeState(Ec2Scenario s, String app, String env, String version) {
    return s.harness.engine().promotions().status(app).stream()
        .filter(p -> p.environment().equals(env))
        .flatMap(p -> p.version(version).stream())
        .flatMap(v -> v.constraints().stream())
        .filter(c -> c.type().equals("bake")).findFirst();
  }

  private static PromotionStatus statusIn(Ec2Scenario s, String app, String env, String version) {
    return s.harness.engine().promotions().status(app).stream().filter(p -> p.environment().equals(env))
        .map(p -> p.statusOf(version)).findFirst().orElse(PromotionStatus.PENDING);
  }

  private static List<Ec2Operation.Bake> bakes(Ec2Scenario s) {
    return s.submittedOperations().stream().filter(Ec2Operation.Bake.class::isInstance)
        .map(Ec2Operation.Bake.class::cast).toList();
  }

  private static List<TaskExecution> deploys(Ec2Scenario s) {
    return s.cloud.tasks().stream().filter(t -> t.description().startsWith("Deploy")).toList();
  }

  private static List<String> events(Ec2Scenario s, String type) {
    return s.bakeEvents.stream().filter(e -> e.type().equals(type)).map(PluginEvent::message).toList();
  }

  private static String imageOf(Ec2Scenario s, String account, String region, String cluster) {
    List<Ec2ServerGroupState> groups = s.cloud.truth(account, region, cluster);
    return groups.get(groups.size() - 1).model().launchConfiguration().imageId();
  }

  private static List<Catalog.Image> images(Ec2Scenario s, String appVersion) {
    return s.cloud.findImages(appVersion, "test");
  }

  @Test
  void publishingAVersionBakesItInEveryRegionAndOnlyThenLetsItIntoTheFirstEnvironment() {
    try (Ec2Scenario s = scenario()) {
      DeliveryConfig config = config(s, "fnord");
      s.harness.engine().submit(config);
      publish(s, "fnord", "1.0.0-h1.abc");
      s.harness.advance(Duration.ofMinutes(3));

      assertThat(bakes(s)).singleElement().satisfies(b -> {
        assertThat(b.regions()).containsExactlyElementsOf(REGIONS);
        assertThat(b.appVersion()).isEqualTo("fnord-1.0.0-h1.abc");
        assertThat(b.baseOs()).isEqualTo("bionic");
        assertThat(b.baseLabel()).isEqualTo("release");
        assertThat(b.storeType()).isEqualTo("ebs");
      });
      ConstraintState baking = bakeState(s, "fnord", "test", "fnord-1.0.0-h1.abc").orElseThrow();
      assertThat(baking.status()).isEqualTo(ConstraintStatus.PENDING);
      assertThat(baking.attributes()).containsEntry("status", "BAKING").containsEntry("region.us-east-1", "baking")
          .containsEntry("region.us-west-2", "baking").containsEntry("baseImage", "bionicbase-release-1");
      assertThat(statusIn(s, "fnord", "test", "fnord-1.0.0-h1.abc")).isEqualTo(PromotionStatus.PENDING);
      assertThat(deploys(s)).isEmpty();
      assertThat(s.bakeEvents).filteredOn(e -> e.type().equals("BakeLaunched")).singleElement()
          .satisfies(e -> {
            assertThat(e.resourceId()).endsWith("fnord-test");
            assertThat(e.attributes()).containsEntry("appVersion", "fnord-1.0.0-h1.abc")
                .containsEntry("regions", "us-east-1,us-west-2");
          });

      assertThat(s.converge(config, Duration.ofHours(2))).isTrue();

      TaskExecution bake = s.cloud.tasks().stream().filter(t -> t.correlationId().startsWith("bake:")).findFirst()
          .orElseThrow();
      assertThat(bake.state()).isEqualTo(TaskExecution.State.SUCCEEDED);
      assertThat(deploys(s)).isNotEmpty().allSatisfy(d -> assertThat(d.submittedAt()).isAfterOrEqualTo(bake.endedAt()));
      ConstraintState baked = bakeState(s, "fnord", "test", "fnord-1.0.0-h1.abc").orElseThrow();
      assertThat(baked.status()).isEqualTo(ConstraintStatus.PASS);
      Catalog.Image image = images(s, "fnord-1.0.0-h1.abc").get(0);
      assertThat(baked.attributes()).containsEntry("status", "BAKED")
          .containsEntry("region.us-east-1", image.amis().get("us-east-1"));
      for (String region : REGIONS) {
        assertThat(imageOf(s, "test", region, "fnord-test")).isEqualTo(image.amis().get(region));
        assertThat(imageOf(s, "prod", region, "fnord-prod")).isEqualTo(image.amis().get(region));
      }
      assertThat(events(s, "BakeSucceeded")).hasSize(1);
      assertThat(bakes(s)).hasSize(1);
    }
  }

  @Test
  void aBakeThatFailsInOneRegionIsRetriedAndTheVersionStaysOutUntilItSucceeds() {
    try (Ec2Scenario s = scenario()) {
      s.cloud.failBakesIn("us-west-2", "no capacity for the bake instance", 2);
      DeliveryConfig config = config(s, "fnord");
      s.harness.engine().submit(config);
      publish(s, "fnord", "1.0.0-h1.abc");
      s.harness.advance(Duration.ofMinutes(13));

      ConstraintState afterFirst = bakeState(s, "fnord", "test", "fnord-1.0.0-h1.abc").orElseThrow();
      assertThat(afterFirst.status()).isEqualTo(ConstraintStatus.PENDING);
      assertThat(afterFirst.attributes()).containsEntry("attempts", "1").containsEntry("region.us-west-2", "baking")
          .containsKey("failure");
      assertThat(afterFirst.attributes().get("region.us-east-1")).startsWith("ami-");
      assertThat(afterFirst.attributes().get("failure")).contains("us-west-2: no capacity for the bake instance");
      assertThat(deploys(s)).isEmpty();

      assertThat(s.converge(config, Duration.ofHours(2))).isTrue();

      assertThat(bakes(s)).extracting(Ec2Operation.Bake::regions)
          .containsExactly(REGIONS, List.of("us-west-2"), List.of("us-west-2"));
      assertThat(events(s, "BakeFailed")).hasSize(2).allSatisfy(m -> assertThat(m).contains("no capacity"));
      Instant lastBakeEnd = s.cloud.tasks().stream().filter(t -> t.correlationId().startsWith("bake:"))
          .map(TaskExecution::endedAt).max(Instant::compareTo).orElseThrow();
      assertThat(deploys(s)).isNotEmpty().allSatisfy(d -> assertThat(d.submittedAt()).isAfterOrEqualTo(lastBakeEnd));
      assertThat(bakeState(s, "fnord", "test", "fnord-1.0.0-h1.abc").orElseThrow().attributes())
          .containsEntry("status", "BAKED").containsEntry("attempts", "2");
    }
  }

  @Test
  void aBakeThatKeepsFailingIsGivenUpAndTheVersionNeverEnters() {
    try (Ec2Scenario s = scenario()) {
      s.cloud.failBakesIn("us-west-2", "package not found", 10);
      DeliveryConfig config = config(s, "fnord");
      s.harness.engine().submit(config);
      publish(s, "fnord", "1.0.0-h1.abc");
      s.harness.advance(Duration.ofHours(2));

      assertThat(bakes(s)).hasSize(3);
      ConstraintState failed = bakeState(s, "fnord", "test", "fnord-1.0.0-h1.abc").orElseThrow();
      assertThat(failed.status()).isEqualTo(ConstraintStatus.FAIL);
      assertThat(failed.comment()).contains("gave up after 3 failed attempts").contains("package not found");
      assertThat(failed.attributes()).containsEntry("status", "FAILED").containsEntry("region.us-west-2", "failed");
      assertThat(events(s, "BakeGaveUp")).hasSize(1);
      assertThat(deploys(s)).isEmpty();
    }
  }

  @Test
  void aPartiallyBakedVersionBakesOnlyTheMissingRegion() {
    try (Ec2Scenario s = scenario()) {
      s.cloud.catalog().image(new Catalog.Image("fnord-1.0.0-h1.abc-east", "fnord-1.0.0-h1.abc",
          "bionicbase-release-1", Map.of("us-east-1", "ami-east"), s.harness.now()));
      DeliveryConfig config = config(s, "fnord");
      publish(s, "fnord", "1.0.0-h1.abc");

      assertThat(s.converge(config, Duration.ofHours(2))).isTrue();

      assertThat(bakes(s)).extracting(Ec2Operation.Bake::regions).containsExactly(List.of("us-west-2"));
      assertThat(imageOf(s, "test", "us-east-1", "fnord-test")).isEqualTo("ami-east");
      assertThat(imageOf(s, "test", "us-west-2", "fnord-test")).isNotEqualTo("ami-east").startsWith("ami-");
    }
  }

  @Test
  void aNewBaseImageRebakesAndRedeploysTwoApplicationsPacedByTheRateLimit() {
    try (Ec2Scenario s = new Ec2Scenario(POLICY, true,
        Map.of("ec2/cluster", RateLimit.of(1, Duration.ofMinutes(1))))) {
      DeliveryConfig fnord = config(s, "fnord");
      DeliveryConfig bar = config(s, "bar");
      s.harness.engine().submit(fnord);
      publish(s, "fnord", "1.0.0-h1.abc");
      publish(s, "bar", "2.0.0-h7.def");
      assertThat(s.converge(bar, Duration.ofHours(3))).isTrue();
      assertThat(s.harness.advanceUntil(() -> s.allHappy(fnord) && s.allHappy(bar) && s.noTaskRunning(),
          Duration.ofMinutes(1), Duration.ofHours(3))).isTrue();
      String oldFnord = imageOf(s, "prod", "us-east-1", "fnord-prod");
      String oldBar = imageOf(s, "prod", "us-east-1", "bar-prod");
      int bakesBefore = bakes(s).size();
      Instant baseChanged = s.harness.now();

      s.cloud.catalog().baseImage(new Catalog.BaseImage("bionicbase-release-2", "bionic", "release", baseChanged));
      boolean redeployed = s.harness.advanceUntil(() -> {
        for (String app : List.of("fnord", "bar")) {
          String appVersion = app.equals("fnord") ? "fnord-1.0.0-h1.abc" : "bar-2.0.0-h7.def";
          for (String env : List.of("test", "prod")) {
            for (String region : REGIONS) {
              String ami = imageOf(s, env, region, app + "-" + env);
              boolean onNewBase = s.cloud.findImages(appVersion, "test").stream()
                  .anyMatch(i -> "bionicbase-release-2".equals(i.baseImageName()) && ami.equals(i.amis().get(region)));
              if (!onNewBase) {
                return false;
              }
            }
          }
        }
        return s.allHappy(fnord) && s.allHappy(bar) && s.noTaskRunning();
      }, Duration.ofMinutes(1), Duration.ofHours(4));

      assertThat(redeployed).isTrue();
      assertThat(imageOf(s, "prod", "us-east-1", "fnord-prod")).isNotEqualTo(oldFnord);
      assertThat(imageOf(s, "prod", "us-east-1", "bar-prod")).isNotEqualTo(oldBar);
      List<Ec2Operation.Bake> rebakes = bakes(s).subList(bakesBefore, bakes(s).size());
      assertThat(rebakes).extracting(Ec2Operation.Bake::appVersion)
          .containsExactlyInAnyOrder("fnord-1.0.0-h1.abc", "bar-2.0.0-h7.def");
      assertThat(rebakes).allSatisfy(b -> assertThat(b.regions()).containsExactlyElementsOf(REGIONS));
      List<Instant> actuations = s.harness.events(ResourceEvent.ActuationLaunched.class).stream()
          .filter(e -> e.resourceId().startsWith("ec2:cluster:") && e.at().isAfter(baseChanged))
          .map(ResourceEvent.ActuationLaunched::at).sorted().toList();
      assertThat(actuations).hasSizeGreaterThanOrEqualTo(4);
      assertThat(maxPerWindow(actuations, Duration.ofMinutes(1))).isEqualTo(1);
    }
  }

  /** The most instants that fall within any window of the given length (half-open). */
  static int maxPerWindow(List<Instant> sorted, Duration window) {
    int max = 0;
    for (int i = 0; i < sorted.size(); i++) {
      int n = 0;
      for (int j = i; j < sorted.size() && sorted.get(j).isBefore(sorted.get(i).plus(window)); j++) {
        n++;
      }
      max = Math.max(max, n);
    }
    return max;
  }

  @Test
  void aVersionIgnoringBaseUpdatesIsNotRebaked() {
    try (Ec2Scenario s = scenario()) {
      DeliveryConfig config = s.harness.engine().configReader().read("""
          application: quiet
          artifacts:
          - name: quiet
            type: deb
            vmOptions: {baseOs: bionic, regions: [us-east-1], ignoreBaseUpdates: true}
          environments:
          - name: test
            locations: {account: test, regions: [{name: us-east-1}]}
            resources:
            - kind: ec2/cluster@v1
              spec:
                moniker: {app: quiet, stack: test}
                imageProvider: {reference: quiet}
                deployWith: {strategy: highlander}
                launchConfiguration: {instanceType: m5.large}
                capacity: {min: 1, max: 1, desired: 1}
          """, "quiet.yml");
      publish(s, "quiet", "1.0.0");
      assertThat(s.converge(config, Duration.ofHours(1))).isTrue();
      String before = imageOf(s, "test", "us-east-1", "quiet-test");

      s.cloud.catalog().baseImage(new Catalog.BaseImage("bionicbase-release-2", "bionic", "release", s.harness.now()));
      s.harness.advance(Duration.ofHours(1));

      assertThat(bakes(s)).hasSize(1);
      assertThat(imageOf(s, "test", "us-east-1", "quiet-test")).isEqualTo(before);
      assertThat(new ArrayList<>(s.bakeEvents)).extracting(PluginEvent::source).containsOnly(Bakery.SOURCE);
    }
  }
}
