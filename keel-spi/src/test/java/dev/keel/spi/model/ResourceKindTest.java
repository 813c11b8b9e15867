package dev.keel.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class ResourceKindTest {

  @Test
  void printingThenParsingGivesTheSameKind() {
    qt().withFixedSeed(20261122L).withExamples(2_000)
        .forAll(Generators.strings(Generators.NAME_CHARS, 1, 12), Generators.strings(Generators.NAME_CHARS, 1, 12),
            Generators.versions())
        .check((group, kind, version) -> {
          ResourceKind k = new ResourceKind(group, kind, version);
          return ResourceKind.parse(k.toString()).equals(k) && k.toString().equals(group + "/" + kind + "@v" + version);
        });
  }

  @Test
  void parsingArbitraryTextEitherRejectsItClearlyOrPrintsItBack() {
    qt().withFixedSeed(7L).withExamples(5_000)
        .forAll(strings().ascii().ofLengthBetween(0, 24))
        .check(text -> {
          try {
            return ResourceKind.parse(text).toString().equals(text.trim());
          } catch (IllegalArgumentException e) {
            return e.getMessage().startsWith("Invalid resource kind");
          }
        });
  }

  @Test
  void versionsOrderNumericallyNotAlphabetically() {
    qt().withFixedSeed(11L).withExamples(1_000)
        .forAll(Generators.versions(), Generators.versions())
        .check((a, b) -> {
          int c = new ResourceKind("ec2", "cluster", a).compareTo(new ResourceKind("ec2", "cluster", b));
          int reverse = new ResourceKind("ec2", "cluster", b).compareTo(new ResourceKind("ec2", "cluster", a));
          return Integer.signum(c) == -Integer.signum(reverse) && (c == 0) == a.equals(b);
        });
    assertThat(ResourceKind.parse("ec2/cluster@v1.10")).isGreaterThan(ResourceKind.parse("ec2/cluster@v1.9"));
  }

  @Test
  void keelKindsParseIntoTheirParts() {
    ResourceKind k = ResourceKind.parse("ec2/application-load-balancer@v1.2");

    assertThat(k.group()).isEqualTo("ec2");
    assertThat(k.kind()).isEqualTo("application-load-balancer");
    assertThat(k.version()).isEqualTo("1.2");
    assertThat(k.sameKindAs(ResourceKind.parse("ec2/application-load-balancer@v1"))).isTrue();
  }

  @Test
  void malformedKindsAreRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> ResourceKind.parse("ec2/cluster")).hasMessageContaining("expected group/kind@vVERSION");
    assertThatThrownBy(() -> ResourceKind.parse("ec2/cluster@v1.x")).hasMessageContaining("version '1.x'");
    assertThatThrownBy(() -> new ResourceKind("ec2", "clu ster", "1")).hasMessageContaining("name 'clu ster'");
  }
}
