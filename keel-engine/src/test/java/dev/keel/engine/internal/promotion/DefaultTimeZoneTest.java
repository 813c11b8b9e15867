package dev.keel.engine.internal.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.spi.model.TimeWindow;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allowed-times windows that give no time zone are read in the engine's default zone. */
class DefaultTimeZoneTest {

  private static final AllowedTimesConstraint MONDAY_MORNINGS =
      new AllowedTimesConstraint(List.of(new TimeWindow("Mon", "9-12")), null, null);

  /** 2026-01-05T10:00Z plus 15 hours is Tuesday 10:00 in Tokyo and Monday 17:00 in Los Angeles. */
  private static PromotionStatus statusAtTokyoMondayMorning(ZoneId defaultZone) {
    PromotionFixture f = new PromotionFixture(List.of(MONDAY_MORNINGS), defaultZone);
    f.clock.advance(Duration.ofHours(-10).minusHours(0)); // 2026-01-05T00:00Z: Monday 09:00 in Tokyo
    f.publish("1.0.0");
    f.check();
    return f.status("prod", "1.0.0");
  }

  @Test
  void aWindowWithoutTzFollowsTheConfiguredDefaultZone() {
    assertThat(statusAtTokyoMondayMorning(ZoneId.of("Asia/Tokyo"))).isEqualTo(PromotionStatus.APPROVED);
    assertThat(statusAtTokyoMondayMorning(ZoneId.of("America/Los_Angeles"))).isEqualTo(PromotionStatus.PENDING);
  }

  @Test
  void theEnginesDefaultZoneIsKeelsUnlessConfigured() {
    assertThat(EngineConfig.defaults().defaultTimeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(MONDAY_MORNINGS.tz()).as("kept unset, so the engine's default applies").isNull();
  }
}
