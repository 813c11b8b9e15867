package dev.keel.engine.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.spi.model.TimeWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedTimesConstraintTest {

  @Test
  void anUnknownTimeZoneIsRejected() {
    assertThatThrownBy(() -> new AllowedTimesConstraint(List.of(new TimeWindow(null, null)), "Nowhere/City", null))
        .hasMessageContaining("Unknown time zone 'Nowhere/City'");
  }

  @Test
  void theDefaultTimeZoneIsKeelsPacificTime() {
    assertThat(new AllowedTimesConstraint(List.of(new TimeWindow("Mon", null)), null, null).zone().getId())
        .isEqualTo("America/Los_Angeles");
  }
}
