package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final Set<String> RUN = Set.of("--scenario", "--max-time", "--json", "--until-converged");

  @Test
  void takesValuesAfterTheFlagOrAnEqualsSignAndSwitchesAlone() {
    Options o = Options.parse("run", List.of("a.yml", "--max-time", "2h", "--scenario=s.yml", "--json"), RUN);

    assertThat(o.positionals()).containsExactly("a.yml");
    assertThat(o.duration("--max-time")).isEqualTo(Duration.ofHours(2));
    assertThat(o.value("--scenario")).isEqualTo("s.yml");
    assertThat(o.has("--json")).isTrue();
    assertThat(o.has("--until-converged")).isFalse();
  }

  @Test
  void unknownFlagsMissingValuesAndRepeatsAreUsageErrors() {
    assertThatThrownBy(() -> Options.parse("run", List.of("--acount", "x"), RUN))
        .isInstanceOf(UsageException.class).hasMessageContaining("no flag --acount").hasMessageContaining("--scenario");
    assertThatThrownBy(() -> Options.parse("run", List.of("a.yml", "--max-time"), RUN))
        .isInstanceOf(UsageException.class).hasMessageContaining("--max-time needs a value");
    assertThatThrownBy(() -> Options.parse("run", List.of("--json=yes"), RUN))
        .isInstanceOf(UsageException.class).hasMessageContaining("takes no value");
    Options twice = Options.parse("run", List.of("--scenario", "a", "--scenario", "b"), RUN);
    assertThatThrownBy(() -> twice.value("--scenario")).isInstanceOf(UsageException.class)
        .hasMessageContaining("given 2 times");
    Options badTime = Options.parse("run", List.of("--max-time", "forever"), RUN);
    assertThatThrownBy(() -> badTime.duration("--max-time")).isInstanceOf(UsageException.class)
        .hasMessageContaining("--max-time: 'forever' is not a duration");
  }
}
