package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

  @Test
  void readsEveryInstantAsWrittenExactlyAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < 100_000; i++) {
      long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
          Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(seconds, nanos);
      assertThat(UtcInstants.parse(t.toString())).as(t.toString()).isEqualTo(t);
    }
    assertThat(UtcInstants.parse("2028-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2028-02-29T23:59:59.5Z"));
  }

  @Test
  void leavesAnyOtherFormToJackson() {
    assertThat(UtcInstants.parse("2026-01-05T09:00:00+01:00")).isNull();
    assertThat(UtcInstants.parse("2026-01-05T09:00:00.Z")).isNull();
    assertThat(UtcInstants.parse("2026-02-30T09:00:00Z")).isNull();
    assertThat(UtcInstants.parse("2026-01-05 09:00:00Z")).isNull();
    assertThat(UtcInstants.parse("+12026-01-05T09:00:00Z")).isNull();
    assertThat(UtcInstants.parse("2026-01-05T09:00:00.1234567890Z")).isNull();
    assertThat(UtcInstants.parse("2026-01-05T24:00:00Z")).isNull();
  }
}
