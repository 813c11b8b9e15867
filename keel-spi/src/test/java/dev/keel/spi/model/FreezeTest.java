package dev.keel.spi.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FreezeTest {

  @Test
  void aWeekendFreezeAcrossTheSpringDaylightSavingChangeStartsAndEndsAtLocalMidnight() {
    // Berlin moves from UTC+1 to UTC+2 at 02:00 on Sunday 29 March 2026.
    Freeze weekends = new Freeze("weekend", null, null, "weekends", null, "Europe/Berlin");

    assertThat(weekends.activeAt(Instant.parse("2026-03-27T22:59:59Z"))).isFalse();
    assertThat(weekends.nextStart(Instant.parse("2026-03-27T12:00:00Z"), Duration.ofDays(2)))
        .contains(Instant.parse("2026-03-27T23:00:00Z"));
    assertThat(weekends.activeAt(Instant.parse("2026-03-29T01:30:00Z"))).isTrue();
    assertThat(weekends.endAfter(Instant.parse("2026-03-28T10:00:00Z"))).contains(Instant.parse("2026-03-29T22:00:00Z"));
    assertThat(weekends.activeAt(Instant.parse("2026-03-29T22:00:00Z"))).isFalse();
  }

  @Test
  void aWeekendFreezeAcrossTheAutumnChangeEndsOneHourLaterInUtc() {
    // New York moves from UTC-4 to UTC-5 at 02:00 on Sunday 1 November 2026.
    Freeze weekends = new Freeze(null, null, null, "Sat-Sun", null, "America/New_York");

    assertThat(weekends.nextStart(Instant.parse("2026-10-30T12:00:00Z"), Duration.ofDays(2)))
        .contains(Instant.parse("2026-10-31T04:00:00Z"));
    assertThat(weekends.endAfter(Instant.parse("2026-10-31T12:00:00Z"))).contains(Instant.parse("2026-11-02T05:00:00Z"));
  }

  @Test
  void anAbsoluteFreezeIsInForceFromItsStartUntilItsEndInItsZone() {
    Freeze holidays = new Freeze("holidays", LocalDateTime.parse("2026-12-20T00:00"), LocalDateTime.parse("2027-01-04T09:00"),
        null, null, "Europe/London");

    assertThat(holidays.activeAt(Instant.parse("2026-12-19T23:59:59Z"))).isFalse();
    assertThat(holidays.activeAt(Instant.parse("2026-12-20T00:00:00Z"))).isTrue();
    assertThat(holidays.endAfter(Instant.parse("2026-12-25T00:00:00Z"))).contains(Instant.parse("2027-01-04T09:00:00Z"));
  }

  @Test
  void aFreezeMustBeEitherAnIntervalOrRecurring() {
    assertThatThrownBy(() -> new Freeze(null, null, null, null, null, null)).hasMessageContaining("either 'from' and 'until'");
    assertThatThrownBy(() -> new Freeze(null, LocalDateTime.parse("2026-12-20T00:00"), null, "weekends", null, null))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> new Freeze(null, LocalDateTime.parse("2026-12-20T00:00"), LocalDateTime.parse("2026-12-19T00:00"),
        null, null, null)).hasMessageContaining("'from' before 'until'");
    assertThatThrownBy(() -> new Freeze(null, null, null, "Caturday", null, null)).hasMessageContaining("Invalid day");
    assertThatThrownBy(() -> new Freeze(null, null, null, "weekends", null, "Mars/Base")).hasMessageContaining("Unknown time zone");
  }
}
