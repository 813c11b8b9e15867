package dev.keel.engine.config;

import static dev.keel.engine.config.HostileInputTest.allocatedBy;
import static dev.keel.engine.config.HostileInputTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Templates cannot be made to expand without bound: instantiations, chains of {@code like}, the values and text
 * of the expansion, its nesting and the strings it builds are held to the reader's limits, and a document beyond
 * them is refused at the use that crosses the limit, at a bounded cost.
 */
class TemplateLimitsTest {

  private final ConfigReader reader = TemplateKinds.reader();

  private static final String SERVICE = """
      application: fnord
      templates:
        service:
          kind: test/service@v1
          parameters: {stack: string}
          spec: {moniker: {app: fnord, stack: "${stack}"}}
      environments:
      """;

  @Test
  void moreInstantiationsThanTheLimitAreRefusedAtTheLikeThatCrossesIt() {
    StringBuilder yaml = new StringBuilder(SERVICE).append("""
        - name: env0
          locations: {account: a0, regions: [{name: us-east-1}]}
          resources:
        """);
    for (int i = 0; i < 2_000; i++) {
      yaml.append("  - {template: service, name: s").append(i).append(", with: {stack: s").append(i).append("}}\n");
    }
    for (int e = 1; e <= 15; e++) {
      yaml.append("- {name: env").append(e).append(", like: env").append(e - 1).append(", locations: {account: a")
          .append(e).append(", regions: [{name: us-east-1}]}}\n");
    }
    String doc = yaml.toString();

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "many.yml")));

    assertThat(error[0].problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("The templates instantiate more than 10000 resources (the limit)");
      assertThat(p.path()).isEqualTo("environments[5].like");
    });
    assertThat(allocated).as("bytes allocated").isLessThan(256L << 20);
  }

  @Test
  void anExpansionOfMoreValuesThanTheLimitIsRefusedBeforeItIsBuilt() {
    StringBuilder yaml = new StringBuilder("""
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {big: list}
            spec:
              moniker: {app: fnord}
        """);
    for (int i = 0; i < 60; i++) {
      yaml.append("      tags").append(i).append(": ${big}\n");
    }
    yaml.append("""
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - template: service
            with:
              big:
        """);
    yaml.append("        - x\n".repeat(20_000));
    String doc = yaml.toString();

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "big.yml")));

    assertThat(error[0].problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("The templates expand to more than");
      assertThat(p.path()).as("the instantiation").isEqualTo("environments[0].resources[0]");
    });
    assertThat(allocated).as("bytes allocated").isLessThan(256L << 20);
  }

  @Test
  void aChainOfLikeLongerThanTheLimitIsRefusedAtTheFirstEnvironmentBeyondIt() {
    StringBuilder yaml = new StringBuilder(SERVICE).append("""
        - name: env0
          locations: {account: a0, regions: [{name: us-east-1}]}
          resources: [{template: service, with: {stack: s}}]
        """);
    for (int e = 1; e <= 20; e++) {
      yaml.append("- {name: env").append(e).append(", like: env").append(e - 1).append(", locations: {account: a")
          .append(e).append(", regions: [{name: us-east-1}]}}\n");
    }

    ConfigException error = rejected(() -> reader.read(yaml.toString(), "chain.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[17].like");
      assertThat(p.message()).contains("through a chain of 17 'like' (more than the limit of 16)");
    });
  }

  @Test
  void aHostTightensTheTemplateLimitsThroughReaderLimits() {
    String yaml = SERVICE + """
        - name: test
          locations: {account: a0, regions: [{name: us-east-1}]}
          resources: [{template: service, name: a, with: {stack: a}}, {template: service, name: b, with: {stack: b}}]
        - {name: staging, like: test, locations: {account: a1, regions: [{name: us-east-1}]}}
        - {name: prod, like: staging, locations: {account: a2, regions: [{name: us-east-1}]}}
        """;
    ConfigReader strict = TemplateKinds.reader(ReaderLimits.defaults().withTemplateLimits(5, 1));

    assertThat(reader.read(yaml, "ok.yml").resources()).hasSize(6);
    assertThat(rejected(() -> strict.read(yaml, "strict.yml")).problems()).extracting(ConfigProblem::message)
        .anySatisfy(m -> assertThat(m).contains("through a chain of 2 'like' (more than the limit of 1)"));
    assertThat(rejected(() -> TemplateKinds.reader(ReaderLimits.defaults().withTemplateLimits(5, 16))
        .read(yaml, "few.yml")).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("instantiate more than 5 resources"));
  }

  @Test
  void anArgumentThatNestsTheExpansionTooDeepIsRefused() {
    String deep = "{a: ".repeat(40) + "${m}" + "}".repeat(40);
    String arg = "{b: ".repeat(30) + "1" + "}".repeat(30);
    String yaml = """
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {m: map}
            spec: {moniker: {app: fnord}, env: %s}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources: [{template: service, with: {m: %s}}]
        """.formatted(deep.replace("${m}", "\"${m}\""), arg);

    ConfigException error = rejected(() -> reader.read(yaml, "deep.yml"));

    assertThat(error.problems()).singleElement().satisfies(p ->
        assertThat(p.message()).contains("The expanded config is nested more than 64 levels deep"));
  }

  @Test
  void aStringBuiltLongerThanTheLimitIsReportedWhereTheTemplateBuildsIt() {
    String line = "x".repeat(15_000);
    String yaml = """
        application: fnord
        templates:
          service:
            kind: test/service@v1
            parameters: {s: string}
            spec: {moniker: {app: fnord}, image: "${s}${s}"}
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - template: service
            with:
              s: |
        %s
        """.formatted(("        " + line + "\n").repeat(4).stripTrailing());

    ConfigException error = rejected(() -> reader.read(yaml, "long.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("templates.service.spec.image");
      assertThat(p.message()).contains("The string built here is longer than the limit of 100000 characters")
          .contains("instantiated at long.yml:11:5");
    });
  }

  @Test
  void aKeyThatYamlTakesForAMergeKeyIsRefusedByRenderNotWrittenWrong() {
    String json = """
        {"application": "fnord", "environments": [{"name": "test",
          "locations": {"account": "test", "regions": [{"name": "us-east-1"}]},
          "resources": [{"kind": "test/service@v1", "spec": {"moniker": {"app": "fnord"}, "env": {"<<": "x"}}}]}]}
        """;

    ConfigException error = rejected(() -> reader.render(json, "merge.json"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("environments[0].resources[0].spec.env[\"<<\"]");
      assertThat(p.message()).contains("A key '<<' cannot be rendered as YAML");
    });
    assertThat(reader.read(json, "merge.json").resources()).hasSize(1);
  }
}
