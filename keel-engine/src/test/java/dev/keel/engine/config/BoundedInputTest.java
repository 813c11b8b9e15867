package dev.keel.engine.config;

import static dev.keel.engine.config.HostileInputTest.allocatedBy;
import static dev.keel.engine.config.HostileInputTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import dev.keel.spi.model.SupportedKind;
import org.junit.jupiter.api.Test;

/**
 * What a document can cost is bounded: problems are capped, long YAML lines are refused before SnakeYAML
 * builds them, numbers out of range are errors, and a tab in the indentation is named as such. Memory is
 * measured as bytes the test thread allocated (a count, not a timing).
 */
class BoundedInputTest {

  private final ConfigReader reader = TestKinds.reader();

  /** A spec with whole-number fields, as cluster capacities are. */
  record Pool(Moniker moniker, Locations locations, Capacity capacity) implements Monikered, Locatable {
    @Override
    public String id() {
      return moniker.toName();
    }
  }

  /** A capacity. */
  record Capacity(int min, int max) {}

  /**
   * A 250-environment config whose environments all alias one list of 900 resources of an unknown kind:
   * 225,000 problems, of which the first 100 are kept.
   */
  static String aliasedBrokenResources() {
    StringBuilder doc = new StringBuilder("application: fnord\nbroken: &bad\n");
    for (int i = 0; i < 900; i++) {
      doc.append("- {kind: nope/thing@v1, spec: {a: ").append(i).append("}}\n");
    }
    doc.append("environments:\n");
    for (int i = 0; i < 250; i++) {
      doc.append("- {name: env").append(i).append(", resources: *bad}\n");
    }
    return doc.toString();
  }

  @Test
  void anAliasRepeatingABrokenSubtreeReportsTheFirstHundredProblemsAndCountsTheRest() {
    String doc = aliasedBrokenResources();

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "aliases.yml")));

    assertThat(error[0].problems()).hasSize(ConfigException.MAX_PROBLEMS);
    assertThat(error[0].omitted()).isEqualTo(ConfigException.MAX_COUNTED);
    assertThat(error[0].stopped()).isTrue();
    assertThat(error[0].lines()).hasSize(101).last().isEqualTo(
        "... and 1000 more problems at least (only the first 100 are listed; reading stopped there)");
    assertThat(error[0].getMessage().lines()).hasSize(102); // the count line, 100 problems, the rest
    assertThat(allocated).as("bytes allocated").isLessThan(128L << 20);
  }

  @Test
  void fewerProblemsThanTheCountingLimitAreCountedExactly() {
    StringBuilder doc = new StringBuilder("application: fnord\nenvironments:\n- name: test\n  resources:\n");
    for (int i = 0; i < 150; i++) {
      doc.append("  - {kind: nope/thing@v1, spec: {a: ").append(i).append("}}\n");
    }

    ConfigException error = rejected(() -> reader.read(doc.toString(), "some.yml"));

    assertThat(error.problems()).hasSize(100);
    assertThat(error.lines()).last().isEqualTo("... and 50 more problems (only the first 100 are listed)");
  }

  @Test
  void aLineLongerThanTheScalarLimitIsRefusedBeforeTheParserBuildsIt() {
    String doc = "application: fnord\nname: " + "x".repeat(900_000) + "\n";

    ConfigException[] error = new ConfigException[1];
    long allocated = allocatedBy(() -> error[0] = rejected(() -> reader.read(doc, "long.yml")));

    assertThat(error[0].problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).isEqualTo("Line 2 is 900006 characters long; the limit for YAML is 20000: split the "
          + "value over several lines (a block scalar '|' or '>' does that)");
    });
    assertThat(allocated).as("bytes allocated").isLessThan(16L << 20);
  }

  @Test
  void aDocumentOverAMillionCharactersIsRefused() {
    String doc = ("# padding\n").repeat(100_001);

    ConfigException error = rejected(() -> reader.read(doc, "big.yml"));

    assertThat(error.getMessage()).contains("larger than the limit of 1000000 characters");
  }

  @Test
  void aNumberBeyondADoubleIsAnErrorNotInfinity() {
    ConfigException error = rejected(() -> reader.read("application: fnord\ntargetValue: 1e1000000\n", "n.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(2);
      assertThat(p.message()).startsWith("The number 1e1000000 is out of range");
    });
  }

  @Test
  void aDurationOfAHugeNumberIsAnErrorNotZero() {
    String doc = """
        application: fnord
        environments:
        - name: test
          resources:
          - kind: ec2/classic-load-balancer@v1
            spec:
              moniker: {app: fnord}
              locations: {account: test, regions: [{name: us-east-1}]}
              idleTimeout: 1e1000000000
        """;

    ConfigException error = rejected(() -> reader.read(doc, "warmup.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.message()).startsWith("The number 1e1000000000 is out of range");
    });
  }

  @Test
  void aFractionForAWholeNumberIsAnErrorNotTruncated() {
    ConfigReader pools = ConfigReader.builder()
        .registry(TestKinds.registryBuilder().kind(SupportedKind.of("test/pool@v1", Pool.class), "test").build())
        .build();
    String doc = """
        application: fnord
        environments:
        - name: test
          resources:
          - kind: test/pool@v1
            spec:
              moniker: {app: fnord}
              locations: {account: test, regions: [{name: us-east-1}]}
              capacity: {min: 3.7, max: 5}
        """;

    ConfigException error = rejected(() -> pools.read(doc, "pool.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(9);
      assertThat(p.path()).contains("capacity");
      assertThat(p.message()).contains("3.7");
    });
  }

  @Test
  void aTabInTheIndentationIsNamedWhereItIs() {
    String doc = "application: fnord\nenvironments:\n- name: test\n\tresources: []\n";

    ConfigException error = rejected(() -> reader.read(doc, "tabs.yml"));

    assertThat(error.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.column()).isEqualTo(1);
      assertThat(p.message()).isEqualTo("A tab in the indentation: YAML indents with spaces only; replace the tab "
          + "with spaces");
    });
  }
}
