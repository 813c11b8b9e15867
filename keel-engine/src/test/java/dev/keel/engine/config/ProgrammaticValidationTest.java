package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.model.DeliveryConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConfigReader#validate} applies the text path's rules to a config built (or changed) in code. */
class ProgrammaticValidationTest {

  private final ConfigReader reader = TestKinds.reader();

  private static final String FNORD = """
      application: fnord
      artifacts:
      - {name: fnord, type: deb, reference: fnord}
      environments:
      - name: test
        locations: {account: test, regions: [{name: us-east-1}]}
        resources:
        - kind: ec2/cluster@v1.1
          spec:
            moniker: {app: fnord, stack: main}
            artifactReference: fnord
      """;

  @Test
  void aConfigReadFromTextPasses() {
    DeliveryConfig config = reader.read(FNORD, "fnord.yml");

    reader.validate(config, "code");
  }

  @Test
  void anArtifactReferenceNoArtifactDeclaresIsAProblem() {
    DeliveryConfig read = reader.read(FNORD, "fnord.yml");
    DeliveryConfig withoutArtifacts = new DeliveryConfig(read.application(), read.name(), read.serviceAccount(),
        List.of(), read.environments());

    assertThatThrownBy(() -> reader.validate(withoutArtifacts, "code"))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
          assertThat(p.path()).startsWith("environments[0].resources[0]");
          assertThat(p.message()).contains("fnord");
        }));
  }
}
