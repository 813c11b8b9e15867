package dev.keel.titus.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.promotion.EnvironmentPromotion;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A later environment that {@code depends-on} an environment with a {@code test-container} verification gets
 * the version only when the container exited 0 on the simulated Titus.
 */
class TestContainerGateScenarioTest {

  private static final String CONFIG = """
      application: acme
      artifacts:
      - name: rocketskates
        type: docker
        reference: rocketskates
        from:
          branch:
            name: main
      environments:
      - name: test
        locations: {account: test, regions: [{name: us-east-1}]}
        resources:
        - kind: titus/cluster@v1
          spec:
            moniker: {app: acme}
            container: {reference: rocketskates}
        verifyWith:
        - type: test-container
          image: acme/widget:stable
          location: {account: test, region: us-east-1}
      - name: prod
        locations: {account: prod, regions: [{name: us-east-1}]}
        constraints:
        - type: depends-on
          environment: test
        resources:
        - kind: titus/cluster@v1
          spec:
            moniker: {app: acme}
            container: {reference: rocketskates}
      """;

  private static Optional<String> current(TitusScenario s, String environment) {
    return s.harness.engine().promotions().status("acme").stream().filter(p -> p.environment().equals(environment))
        .findFirst().flatMap(EnvironmentPromotion::current);
  }

  @ParameterizedTest
  @CsvSource({"0, true", "1, false"})
  void prodGetsTheVersionOnlyWhenTheTestContainerExitsZero(int exitCode, boolean promoted) {
    try (TitusScenario s = new TitusScenario()) {
      s.cloud.containerExits("acme/widget:stable", exitCode);
      s.push("rocketskates", "main-h1.abc", "sha256:dddd4444");
      DeliveryConfig config = s.harness.engine().configReader().read(CONFIG, "acme.yml");
      s.harness.engine().submit(config);
      s.publish("rocketskates", "main-h1.abc");

      s.harness.advanceUntil(() -> current(s, "prod").isPresent(), Duration.ofMinutes(1), Duration.ofHours(2));

      assertThat(current(s, "test")).contains("main-h1.abc");
      assertThat(s.cloud.batchJobs()).hasSize(1);
      if (promoted) {
        assertThat(current(s, "prod")).contains("main-h1.abc");
        assertThat(s.harness.status("titus:cluster:prod:acme")).isEqualTo(ResourceStatus.HAPPY);
        assertThat(s.cloud.truth("prod", "us-east-1", "acme")).hasSize(1);
      } else {
        assertThat(current(s, "prod")).isEmpty();
        assertThat(s.cloud.truth("prod", "us-east-1", "acme")).isEmpty();
      }
    }
  }
}
