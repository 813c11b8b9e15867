package dev.keel.titus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.titus.api.TitusServerGroupState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each of Keel's example configs with a Titus cluster reads, plans and converges on a simulated Titus. Docker
 * versions are published through the engine and promoted by it; the test-container verification runs as a
 * batch job on the simulated Titus after the version arrives.
 */
class KeelTitusExamplesConvergeTest {

  private static final Path EXAMPLES = Path.of(System.getProperty("keel.fixtures", "../fixtures"), "keel-examples");

  /** The security groups the examples name but do not declare, in both backing AWS accounts. */
  private static void seedSecurityGroups(TitusScenario s) {
    for (String account : List.of("test", "prod")) {
      for (String region : List.of("us-east-1", "us-west-2")) {
        for (String group : List.of("fnord-datacenter", "fnord-infrastructure", "keeldemo")) {
          s.cloud.securityGroup(account, region, group);
        }
      }
    }
  }

  private static DeliveryConfig read(TitusScenario s, String file) {
    seedSecurityGroups(s);
    return s.harness.engine().configReader().read(EXAMPLES.resolve(file));
  }

  private static void assertConverged(TitusScenario s, String file, DeliveryConfig config) {
    boolean converged = s.converge(config, Duration.ofHours(3));
    assertThat(converged).as("%s: %s", file, config.environments().stream().flatMap(e -> e.resources().stream())
        .map(r -> r.id() + "=" + s.harness.status(r.id())).toList()).isTrue();
    config.environments().stream().flatMap(e -> e.resources().stream())
        .forEach(r -> assertThat(s.harness.status(r.id())).isEqualTo(ResourceStatus.HAPPY));
  }

  @ParameterizedTest
  @CsvSource({"simple-titus-cluster-example.yml", "titus-cluster-example.yml"})
  void aFollowedImageConvergesOnItsNewestTag(String file) {
    try (TitusScenario s = new TitusScenario()) {
      s.push("illuminati/fnord", "1.0.0-h1.abc", "sha256:aaaa1111");
      s.scheduler.advance(Duration.ofMinutes(1));
      s.push("illuminati/fnord", "1.1.0-h2.def", "sha256:bbbb2222");
      DeliveryConfig config = read(s, file);

      assertConverged(s, file, config);

      List<TitusServerGroupState> jobs = s.cloud.truth("test", "us-east-1", "fnord");
      assertThat(jobs).singleElement().satisfies(j -> {
        assertThat(j.model().container().digest()).isEqualTo("sha256:bbbb2222");
        assertThat(j.model().artifactVersion()).isEqualTo("1.1.0-h2.def");
        assertThat(j.model().resources().cpu()).isEqualTo(4);
        assertThat(j.model().containerAttributes()).containsEntry("titusParameter.agent.allowCpuBursting", "true")
            .containsEntry("titusParameter.agent.accountId", "123456789012");
        assertThat(j.model().env()).containsEntry("SPINNAKER_ACCOUNT", "test");
      });
    }
  }

  @Test
  void aDockerArtifactPublishedThroughTheEngineConvergesInEveryRegion() {
    String file = "titus-cluster-with-artifact-example.yml";
    try (TitusScenario s = new TitusScenario()) {
      s.push("fnord", "master-h5.52a2b4c", "sha256:cccc3333");
      s.push("fnord", "latest", "sha256:cccc3333");
      DeliveryConfig config = read(s, file);
      s.harness.engine().submit(config);
      s.publish("fnord", "master-h5.52a2b4c");

      assertConverged(s, file, config);

      for (String region : List.of("us-east-1", "us-west-2")) {
        assertThat(s.cloud.truth("prod", region, "fnord-examples-ec2v1")).singleElement()
            .satisfies(j -> assertThat(j.model().artifactVersion()).isEqualTo("master-h5.52a2b4c"));
      }
      assertThat(s.harness.engine().promotions().status(config.application())).isNotEmpty()
          .allSatisfy(p -> assertThat(p.current()).as(p.environment()).contains("master-h5.52a2b4c"));
    }
  }

  @Test
  void severalTagsOfOneDigestDeployTheTagThatWasApproved() {
    String file = "titus-cluster-with-artifact-example.yml";
    try (TitusScenario s = new TitusScenario()) {
      s.push("fnord", "master-h5.52a2b4c", "sha256:cccc3333");
      s.push("fnord", "release-h6.52a2b4c", "sha256:cccc3333");
      DeliveryConfig config = read(s, file);
      s.harness.engine().submit(config);
      s.publish("fnord", "master-h5.52a2b4c");

      assertConverged(s, file, config);

      assertThat(s.cloud.truth("prod", "us-east-1", "fnord-examples-ec2v1")).singleElement()
          .satisfies(j -> {
            assertThat(j.model().container().digest()).isEqualTo("sha256:cccc3333");
            assertThat(j.model().artifactVersion()).isEqualTo("master-h5.52a2b4c");
          });
      assertThat(s.harness.engine().promotions().status(config.application())).isNotEmpty()
          .allSatisfy(p -> assertThat(p.current()).contains("master-h5.52a2b4c"));
    }
  }

  @Test
  void theTestContainerVerificationPassesWhenTheContainerExitsZero() {
    String file = "titus-cluster-with-test-container.yml";
    try (TitusScenario s = new TitusScenario()) {
      s.push("rocketskates", "main-h1.abc", "sha256:dddd4444");
      DeliveryConfig config = read(s, file);
      s.harness.engine().submit(config);
      s.publish("rocketskates", "main-h1.abc");

      assertConverged(s, file, config);
      s.harness.advanceUntil(() -> verified(s, config), Duration.ofMinutes(1), Duration.ofHours(1));

      assertThat(s.verifications(config.name(), "test", "rocketskates")).singleElement()
          .satisfies(v -> assertThat(v.status()).isEqualTo(ConstraintStatus.PASS));
      assertThat(s.cloud.batchJobs()).singleElement().satisfies(j -> {
        assertThat(j.image()).isEqualTo("acme/widget:stable");
        assertThat(j.account()).isEqualTo("test");
        assertThat(j.env()).containsEntry("ARTIFACT_VERSION", "main-h1.abc");
      });
    }
  }

  @Test
  void theTestContainerVerificationFailsWhenTheContainerExitsNonZero() {
    String file = "titus-cluster-with-test-container.yml";
    try (TitusScenario s = new TitusScenario()) {
      s.cloud.containerExits("acme/widget:stable", 3);
      s.push("rocketskates", "main-h1.abc", "sha256:dddd4444");
      DeliveryConfig config = read(s, file);
      s.harness.engine().submit(config);
      s.publish("rocketskates", "main-h1.abc");

      assertConverged(s, file, config);
      s.harness.advanceUntil(() -> verified(s, config), Duration.ofMinutes(1), Duration.ofHours(1));

      assertThat(s.verifications(config.name(), "test", "rocketskates")).singleElement().satisfies(v -> {
        assertThat(v.status()).isEqualTo(ConstraintStatus.FAIL);
      });
    }
  }

  private static boolean verified(TitusScenario s, DeliveryConfig config) {
    List<VerificationState> states = s.verifications(config.name(), "test", "rocketskates");
    return !states.isEmpty() && states.stream().allMatch(v -> v.endedAt() != null);
  }
}
