package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every mistake in templates and their uses is a problem placed at one place that names the other: the use
 * site's {@code FILE:LINE:COL} and the template's (or the other environment's, or the other resource's).
 */
class TemplateErrorsTest {

  private static final String FILE = "t.yml";
  private final ConfigReader reader = TemplateKinds.reader();

  private static final String TEMPLATE = """
      application: fnord
      templates:
        service:
          kind: test/service@v1
          parameters:
            size: int
            stack: {type: string, default: main}
          spec:
            moniker: {app: fnord, stack: "${stack}"}
            capacity: {min: "${size}", max: "${size}"}
      environments:
      - name: test
        locations: {account: test, regions: [{name: us-east-1}]}
        resources:
      """;

  private List<ConfigProblem> problems(String yaml) {
    try {
      reader.read(yaml, FILE);
    } catch (ConfigException e) {
      return e.problems();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  /** Where the first occurrence of some text is, as {@code t.yml:LINE:COL}. */
  static String at(String yaml, String text) {
    int i = yaml.indexOf(text);
    assertThat(i).as("'%s' in the document", text).isNotNegative();
    String before = yaml.substring(0, i);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = i - before.lastIndexOf('\n');
    return FILE + ":" + line + ":" + column;
  }

  private static String position(ConfigProblem p) {
    return p.source() + ":" + p.line() + ":" + p.column();
  }

  @Test
  void anArgumentForNoParameterIsReportedAtTheArgumentNamingWhereTheParametersAreDeclared() {
    String yaml = TEMPLATE + "  - template: service\n    with: {size: 1, stak: api}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "stak"));
      assertThat(p.message()).contains("Template 'service' has no parameter 'stak' (did you mean 'stack'?)")
          .contains("declared at " + at(yaml, "parameters:")).contains("size (int), stack (string, optional)");
    });
  }

  @Test
  void aMissingRequiredArgumentIsReportedAtTheInstantiationNamingTheParametersLine() {
    String yaml = TEMPLATE + "  - template: service\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "template: service"));
      assertThat(p.message()).contains("Template 'service' needs argument 'size' (int, declared at "
          + at(yaml, "size: int") + "); give it under 'with'");
    });
  }

  @Test
  void anArgumentOfTheWrongTypeIsReportedAtTheArgumentNamingTheParametersLine() {
    String yaml = TEMPLATE + "  - template: service\n    with: {size: three}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "size: three"));
      assertThat(p.message()).contains("Argument 'size' is a string, but parameter 'size' of template 'service' is an"
          + " int (declared at " + at(yaml, "size: int") + ")");
    });
  }

  @Test
  void aDefaultOfTheWrongTypeIsReportedAtTheDefault() {
    String yaml = TEMPLATE.replace("default: main", "default: 7") + "  - {template: service, with: {size: 1}}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "default: 7"));
      assertThat(p.message()).contains("The default of parameter 'stack' is a whole number, not a string");
    });
  }

  @Test
  void aReferenceToNoParameterIsReportedInTheTemplateNamingWhereParametersAreDeclared() {
    String yaml = TEMPLATE.replace("\"${stack}\"", "\"${stak}\"") + "  - {template: service, with: {size: 1}}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "stack: \"${stak}\""));
      assertThat(p.message()).contains("refers to '${stak}', which is not one of its parameters (did you mean 'stack'?)")
          .contains("(" + at(yaml, "parameters:") + ")");
    });
  }

  @Test
  void anOverrideOfAPathTheKindsSpecDoesNotHaveIsReportedAtTheOverrideNamingTheTemplate() {
    String yaml = TEMPLATE + """
          - template: service
            with: {size: 1}
            overrides: {capacity: {mn: 2}, imgae: x}
        """;

    assertThat(problems(yaml)).hasSize(2).anySatisfy(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "mn: 2"));
      assertThat(p.message()).contains("Override of 'capacity.mn': the spec of kind test/service@v1 has no property"
          + " 'mn' in 'capacity' (did you mean 'min'?). Known properties here: desired, max, min")
          .contains("from template 'service' (" + at(yaml, "service:") + ") instantiated at "
              + at(yaml, "template: service"));
    }).anySatisfy(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "imgae"));
      assertThat(p.message()).contains("has no property 'imgae' at its top level (did you mean 'image'?)");
    });
  }

  @Test
  void environmentsDeclaredLikeEachOtherInACycleAreReportedWithEveryLikeOfTheCycle() {
    String yaml = """
        application: fnord
        environments:
        - name: staging
          like: production
        - name: production
          like: staging
        """;

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "like: staging"));
      assertThat(p.message()).contains("Environments are declared like each other in a cycle: staging (like at "
          + at(yaml, "like: production") + ") -> production (like at " + at(yaml, "like: staging") + ") -> staging");
    });
  }

  @Test
  void twoInstantiationsProducingOneResourceIdAreReportedAtTheSecondNamingTheFirstAndTheTemplate() {
    String yaml = TEMPLATE + """
          - {template: service, name: one, with: {size: 1}}
          - {template: service, name: two, with: {size: 2}}
        """;

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "{template: service, name: two"));
      assertThat(p.message()).contains("Resource id test:service:test:fnord-main is already declared in this"
          + " environment at environments[0].resources[0] (" + at(yaml, "{template: service, name: one")
          + "; from template 'service' (" + at(yaml, "service:") + ")")
          .contains("; from template 'service' (" + at(yaml, "service:") + ") instantiated at "
              + at(yaml, "{template: service, name: two"));
    });
  }

  @Test
  void anEnvironmentCopiedIntoTheSameAccountCollidesAndSaysWhichLikeCopiedIt() {
    String yaml = TEMPLATE + """
          - {template: service, with: {size: 1}}
        - name: again
          like: test
          locations: {account: test, regions: [{name: us-east-1}]}
        """;

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[1].resources[0]");
      assertThat(position(p)).isEqualTo(at(yaml, "{template: service"));
      assertThat(p.message()).contains("already declared in environment 'test' at environments[0].resources[0] ("
          + at(yaml, "{template: service")).contains("copied by 'like' into again (" + at(yaml, "like: test") + ")");
    });
  }

  @Test
  void aProblemInAnExpandedValueIsPlacedWhereTheValueWasWrittenAndNamesTheInstantiation() {
    String yaml = TEMPLATE.replace("size: int", "size: string") + "  - template: service\n    with: {size: lots}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> {
      assertThat(position(p)).as("the argument, whose value the spec could not bind").isEqualTo(at(yaml, "size: lots"));
      assertThat(p.path()).isEqualTo("environments[0].resources[0].spec.capacity.min");
      assertThat(p.message()).contains("from template 'service' (" + at(yaml, "service:") + ") instantiated at "
          + at(yaml, "template: service"));
    });
  }

  @Test
  void anUnknownTemplateAnUnknownLikeAndAChangeOfNoResourceAreEachReportedWithTheNamesThereAre() {
    String yaml = TEMPLATE + """
          - template: servce
        - name: prod
          like: tset
        - name: staging
          like: test
          changes: {web: {with: {size: 2}}}
        """;

    assertThat(problems(yaml)).extracting(p -> position(p) + " " + p.message()).containsExactly(
        at(yaml, "template: servce") + " No template named 'servce' (did you mean 'service'?). Templates: service",
        at(yaml, "like: tset") + " 'like' names environment 'tset', which this config does not declare (did you mean"
            + " 'test'?). Environments: prod, staging, test",
        at(yaml, "web:") + " 'changes' names resource 'web', which environment 'test' (at " + at(yaml, "name: test")
            + ") does not have; it has no named resources");
  }

  @Test
  void aMalformedReferenceIsReportedWithHowToWriteOne() {
    String yaml = TEMPLATE.replace("\"${stack}\"", "\"${stack\"") + "  - {template: service, with: {size: 1}}\n";

    assertThat(problems(yaml)).singleElement().satisfies(p -> assertThat(p.message())
        .contains("'${' is not closed by '}': write ${name}, or $${ for a literal '${'"));
  }

  @Test
  void anEnvironmentWithoutAnAccountCannotInstantiateATemplateThatUsesIt() {
    String yaml = TEMPLATE.replace("stack: \"${stack}\"", "stack: \"${environment.account}\"")
        .replace("locations: {account: test, regions: [{name: us-east-1}]}", "constraints: []")
        + "  - {template: service, with: {size: 1}}\n";

    assertThat(problems(yaml)).first().satisfies(p -> {
      assertThat(position(p)).isEqualTo(at(yaml, "{template: service"));
      assertThat(p.message()).contains("Template 'service' (at " + at(yaml, "service:") + ") refers to"
          + " ${environment.account}, but environment 'test' declares no 'locations.account'");
    });
  }
}
