package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void readsShortUnitsCombinationsAndIso() {
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT30M")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("0s")).isZero();
  }

  @Test
  void rejectsAnythingElseSayingWhatIsAccepted() {
    for (String bad : new String[] {"", "soon", "30", "m30", "30x", "-5m", "PT-5M", "1h 30m"}) {
      assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("90s, 30m, 2h");
    }
  }

  @Test
  void formatsAsHoursMinutesSeconds() {
    assertThat(Durations.format(Duration.ofSeconds(3725))).isEqualTo("01:02:05");
  }
}
