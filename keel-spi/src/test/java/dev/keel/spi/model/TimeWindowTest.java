package dev.keel.spi.model;

import dev.keel.spi.model.TimeWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  @Test
  void hourRangesExcludeTheirEndAndMayWrapAroundMidnight() {
    assertThat(new TimeWindow(null, "10-18").hoursOfDay()).containsExactly(10, 11, 12, 13, 14, 15, 16, 17);
    assertThat(new TimeWindow(null, "18-04").hoursOfDay()).containsExactly(0, 1, 2, 3, 18, 19, 20, 21, 22, 23);
    assertThat(new TimeWindow(null, "9, 11-13").hoursOfDay()).containsExactly(9, 11, 12);
    assertThat(new TimeWindow(null, null).hoursOfDay()).hasSize(24);
  }

  @Test
  void daysAcceptNamesRangesThatWrapAndAliases() {
    assertThat(new TimeWindow("Fri-Mon", null).daysOfWeek()).containsExactlyInAnyOrder(
        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    assertThat(new TimeWindow("weekdays", null).daysOfWeek()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
    assertThat(new TimeWindow("weekends,wednesday", null).daysOfWeek()).containsExactlyInAnyOrder(
        DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY);
    assertThat(new TimeWindow(null, null).daysOfWeek()).hasSize(7);
  }

  @Test
  void invalidWindowsAreRejectedWhenRead() {
    assertThatThrownBy(() -> new TimeWindow("Funday", null)).hasMessageContaining("Invalid day 'funday'");
    assertThatThrownBy(() -> new TimeWindow(null, "9-9")).hasMessageContaining("empty because the end hour is excluded");
    assertThatThrownBy(() -> new TimeWindow(null, "24")).hasMessageContaining("Invalid hour '24'");
  }
}
