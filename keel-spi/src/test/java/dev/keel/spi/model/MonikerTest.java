package dev.keel.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MonikerTest {

  private static final Pattern LOOKS_LIKE_SEQUENCE = Pattern.compile(".*-v\\d{3,6}");

  @Test
  void printingThenParsingGivesTheSameMoniker() {
    qt().withFixedSeed(20261122L).withExamples(3_000)
        .forAll(Generators.strings(Generators.APP_CHARS, 1, 8), Generators.strings(Generators.STACK_CHARS, 0, 6),
            Generators.strings(Generators.DETAIL_CHARS, 0, 10), integers().between(-1, 999))
        // A detail ending in -vNNN without a sequence reads back as a server group: Spinnaker's own ambiguity.
        .assuming((app, stack, detail, seq) -> seq >= 0 || !LOOKS_LIKE_SEQUENCE.matcher("-" + detail).matches())
        .check((app, stack, detail, seq) -> {
          Moniker m = new Moniker(app, stack, detail, seq < 0 ? null : seq);
          return Moniker.parse(m.toString()).equals(m);
        });
  }

  @Test
  void parsingThenPrintingGivesTheSameName() {
    qt().withFixedSeed(3L).withExamples(3_000)
        .forAll(Generators.strings(Generators.DETAIL_CHARS, 1, 16))
        .check(name -> {
          try {
            return Moniker.parse(name).toString().equals(name) || normalised(name);
          } catch (IllegalArgumentException e) {
            return !e.getMessage().isEmpty();
          }
        });
  }

  /** Names differ from their parse only where Spinnaker normalises: an empty stack without detail. */
  private static boolean normalised(String name) {
    Moniker m = Moniker.parse(name);
    return Moniker.parse(m.toString()).equals(m);
  }

  @Test
  void namesFollowKeelsConvention() {
    assertThat(new Moniker("fnord").toName()).isEqualTo("fnord");
    assertThat(new Moniker("fnord", "main", null).toName()).isEqualTo("fnord-main");
    assertThat(new Moniker("fnord", "main", "a-login").toName()).isEqualTo("fnord-main-a-login");
    assertThat(new Moniker("fnord", null, "login").toName()).isEqualTo("fnord--login");
    assertThat(new Moniker("fnord", "main", null, 42).serverGroupName()).isEqualTo("fnord-main-v042");
    assertThat(new Moniker("fnord").withSequence(1_005).serverGroupName()).isEqualTo("fnord-v005");
  }

  @Test
  void serverGroupNamesParseIntoClusterAndSequence() {
    Moniker m = Moniker.parse("fnord-main-a-login-v123");

    assertThat(m).isEqualTo(new Moniker("fnord", "main", "a-login", 123));
    assertThat(m.cluster().toName()).isEqualTo("fnord-main-a-login");
    assertThat(Moniker.parse("fnord--login")).isEqualTo(new Moniker("fnord", null, "login"));
  }

  @Test
  void emptyStackAndDetailAreAbsent() {
    assertThat(new Moniker("fnord", "", "")).isEqualTo(new Moniker("fnord"));
  }

  @Test
  void invalidPartsAreRejectedWithTheRule() {
    assertThatThrownBy(() -> new Moniker("fn-ord")).hasMessageContaining("no '-'");
    assertThatThrownBy(() -> new Moniker("fnord", "a b", null)).hasMessageContaining("Invalid stack 'a b'");
    assertThatThrownBy(() -> new Moniker("fnord").serverGroupName()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Moniker.parse("fnord-")).hasMessageContaining("trailing '-'");
  }

  @Test
  void aSuffixKeepsAsMuchOfTheDetailAsFits() {
    Moniker m = new Moniker("fnord", "main", "averyveryverylongdetail");

    Moniker renamed = m.withSuffix("pr42", 32);

    assertThat(renamed.toName()).hasSize(32).endsWith("-pr42").startsWith("fnord-main-averyvery");
    assertThat(new Moniker("fnord").withSuffix("pr42", 32).toName()).isEqualTo("fnord--pr42");
  }
}
