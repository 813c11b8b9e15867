package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each validation rule, with where its problem is reported. */
class ConfigValidationTest {

  private final ConfigReader reader = TestKinds.reader();

  private List<ConfigProblem> problems(String yaml) {
    try {
      reader.read(yaml, "config.yml");
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  private static String sg(String app, String account) {
    return """
          - kind: ec2/security-group@v1
            spec:
              moniker: {app: %s}
              locations: {account: %s, regions: [{name: us-east-1}]}
              description: d
        """.formatted(app, account);
  }

  @Test
  void resourceIdsThatCollideAcrossEnvironmentsAreRejectedNamingBoth() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          resources:
        %s- name: prod
          resources:
        %s""".formatted(sg("fnord", "test"), sg("fnord", "test")));

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[1].resources[0]");
      assertThat(p.line()).isEqualTo(12);
      assertThat(p.message()).contains("ec2:security-group:test:fnord")
          .contains("in environment 'test'").contains("environments[0].resources[0]");
    });
  }

  @Test
  void theSameIdInOneEnvironmentIsAlsoRejected() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          resources:
        %s%s""".formatted(sg("fnord", "test"), sg("fnord", "test")));

    assertThat(found).singleElement().satisfies(p -> assertThat(p.message()).contains("in this environment"));
  }

  @Test
  void duplicateArtifactReferencesAreRejected() {
    var found = problems("""
        application: fnord
        artifacts:
        - {type: deb, name: fnord}
        - {type: npm, name: other, reference: fnord}
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("artifacts[1]");
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.message()).contains("Artifact reference 'fnord' is already used at artifacts[0]");
    });
  }

  @Test
  void dependsOnAnUnknownEnvironmentSuggestsTheClosestName() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
        - name: prod
          constraints:
          - type: depends-on
            environment: tset
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[1].constraints[0].environment");
      assertThat(p.line()).isEqualTo(7);
      assertThat(p.column()).isEqualTo(5);
      assertThat(p.message()).contains("'tset'").contains("did you mean 'test'?");
    });
  }

  @Test
  void environmentsThatDependOnEachOtherInACycleAreRejectedWithTheCycle() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          constraints: [{type: depends-on, environment: prod}]
        - name: staging
          constraints: [{type: depends-on, environment: test}]
        - name: prod
          constraints: [{type: depends-on, environment: staging}]
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("cycle: test -> prod -> staging -> test");
      assertThat(p.path()).isEqualTo("environments[0].constraints[0].environment");
    });
  }

  @Test
  void anEnvironmentDependingOnItselfIsRejected() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          constraints: [{type: depends-on, environment: test}]
        """);

    assertThat(found).singleElement().satisfies(p -> assertThat(p.message()).contains("cannot depend on itself"));
  }

  @Test
  void unknownConstraintTypesAreRejectedWithTheKnownOnes() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          constraints:
          - type: manual-judgment
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[0].constraints[0].type");
      assertThat(p.message()).contains("Unknown constraint type 'manual-judgment'")
          .contains("did you mean 'manual-judgement'?").contains("allowed-times, depends-on");
    });
  }

  @Test
  void unknownKindsAndUnregisteredVersionsAreRejected() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          resources:
          - kind: ec2/clustr@v1.1
            spec: {}
          - kind: ec2/cluster@v2
            spec: {}
          - kind: not a kind
            spec: {}
        """);

    assertThat(found).hasSize(3);
    assertThat(found.get(0).message()).contains("Unknown resource kind ec2/clustr@v1.1")
        .contains("did you mean 'ec2/cluster@v1.1'?");
    assertThat(found.get(1).message()).contains("ec2/cluster@v2 is not registered; use ec2/cluster@v1 or ec2/cluster@v1.1");
    assertThat(found.get(2).message()).contains("expected group/kind@vVERSION");
    assertThat(found).extracting(ConfigProblem::path).containsExactly("environments[0].resources[0].kind",
        "environments[0].resources[1].kind", "environments[0].resources[2].kind");
  }

  @Test
  void anArtifactReferenceThatNamesNoArtifactIsRejected() {
    var found = problems("""
        application: fnord
        artifacts:
        - {type: deb, name: fnord}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: ec2/cluster@v1.1
            spec:
              moniker: {app: fnord}
              artifactReference: frond
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[0].resources[0].spec");
      assertThat(p.message()).contains("'frond'").contains("did you mean 'fnord'?");
    });
  }

  @Test
  void duplicateEnvironmentNamesAreRejected() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
        - name: test
        """);

    assertThat(found).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[1].name");
      assertThat(p.line()).isEqualTo(4);
    });
  }

  @Test
  void aResourceWithoutLocationsAnywhereIsRejected() {
    var found = problems("""
        application: fnord
        environments:
        - name: test
          resources:
          - kind: ec2/security-group@v1
            spec: {moniker: {app: fnord}, description: d}
        """);

    assertThat(found).singleElement().satisfies(p -> assertThat(p.message()).contains("needs 'locations'"));
  }

  @Test
  void valuesTheModelRejectsAreReportedWithTheirPathAndReason() {
    var found = problems("""
        application: fnord
        artifacts:
        - {type: docker, name: org/image, tagVersionStrategy: semver-tag, from: {branch: {name: main}}}
        - {type: docker, name: org/other, tagVersionStrategy: newest}
        environments:
        - name: test
          constraints:
          - type: allowed-times
            windows: [{days: Mon-Fry, hours: 9-17}]
          - type: allowed-times
            tz: Mars/Olympus
            windows: [{hours: 25}]
          - type: manual-judgement
            timeout: soon
        """);

    assertThat(found).extracting(ConfigProblem::message).anySatisfy(
        m -> assertThat(m).contains("needs exactly one of 'tagVersionStrategy' and 'from'"))
        .anySatisfy(m -> assertThat(m).contains("Unknown tagVersionStrategy 'newest'"))
        .anySatisfy(m -> assertThat(m).contains("Invalid day 'fry'"))
        .anySatisfy(m -> assertThat(m).contains("Invalid hour '25'"))
        .anySatisfy(m -> assertThat(m).contains("`Duration`"));
    assertThat(found).extracting(ConfigProblem::path).contains("artifacts[0]", "artifacts[1].tagVersionStrategy",
        "environments[0].constraints[0].windows[0]", "environments[0].constraints[1].windows[0]",
        "environments[0].constraints[2].timeout");
  }

  @Test
  void everyProblemOfADocumentIsReportedTogetherInSourceOrder() {
    var found = problems("""
        application: fnord
        enviroments: []
        artifacts:
        - {type: rpm, name: x}
        environments:
        - name: test
          resources:
          - kind: ec2/security-group@v1
            spec:
              moniker: {app: fnord}
              locations: {account: test, regions: [{name: us-east-1}]}
              descripton: typo
        """);

    assertThat(found).extracting(ConfigProblem::line).containsExactly(2, 4, 12);
    assertThat(found.get(0).message()).contains("did you mean 'environments'?");
    assertThat(found.get(1).message()).contains("Unknown artifact type 'rpm'");
    assertThat(found.get(2).message()).contains("did you mean 'description'?");
  }

  @Test
  void aMissingApplicationAndAMissingRequiredSpecValueAreNamed() {
    var found = problems("""
        environments:
        - name: test
          resources:
          - kind: ec2/security-group@v1
            spec:
              locations: {regions: [{name: us-east-1}]}
        """);

    assertThat(found).extracting(ConfigProblem::message)
        .anySatisfy(m -> assertThat(m).contains("needs 'application'"))
        .anySatisfy(m -> assertThat(m).contains("Missing required property 'account'"));
  }

  @Test
  void anInvalidApplicationNameIsRejected() {
    assertThat(problems("application: 'fn ord'")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Invalid application name 'fn ord'"));
  }

  @Test
  void invalidFreezeWindowsAreReportedWithTheirPosition() {
    var found = problems("""
        application: fnord
        environments:
        - name: prod
          freezes:
          - {days: Caturday}
          - {from: "2026-12-20T00:00", until: "2026-12-01T00:00", tz: Europe/Berlin}
          - {reason: holidays}
        """);

    assertThat(found).extracting(ConfigProblem::line).containsExactly(5, 6, 7);
    assertThat(found.get(0).message()).contains("Invalid day 'caturday'");
    assertThat(found.get(0).path()).isEqualTo("environments[0].freezes[0]");
    assertThat(found.get(1).message()).contains("'from' before 'until'");
    assertThat(found.get(2).message()).contains("either 'from' and 'until'");
  }
}
