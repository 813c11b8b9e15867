package dev.keel.support.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainMapTest {

  private static PlainMap section(Map<String, ?> values) {
    return PlainMap.of(values);
  }

  @Test
  void aBadValueDeepInsideASectionIsNamedByItsPathFirst() {
    PlainMap root = section(Map.of("serverGroups", List.of(Map.of("capacity", Map.of("desired", "x")))));
    PlainMap capacity = root.maps("serverGroups").get(0).map("capacity");

    assertThatThrownBy(() -> capacity.integer("desired")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("serverGroups[0].capacity.desired: expected a whole number, got 'x'");
  }

  @Test
  void aMissingRequiredValueSaysWhatWasExpected() {
    PlainMap group = section(Map.of("serverGroups", List.of(Map.of()))).maps("serverGroups").get(0);

    assertThatThrownBy(() -> group.string("account"))
        .hasMessage("serverGroups[0].account: expected a string, got nothing");
    assertThatThrownBy(() -> group.integer("desired"))
        .hasMessage("serverGroups[0].desired: expected a whole number, got nothing");
    assertThatThrownBy(() -> group.bool("enabled"))
        .hasMessage("serverGroups[0].enabled: expected true or false, got nothing");
  }

  @Test
  void absentAndNullValuesGiveTheFallback() {
    Map<String, Object> values = new HashMap<>();
    values.put("count", null);
    PlainMap m = section(values);

    assertThat(m.integer("count", 1)).isEqualTo(1);
    assertThat(m.string("message", "boom")).isEqualTo("boom");
    assertThat(m.bool("value", true)).isTrue();
    assertThat(m.duration("lag", Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(2));
    assertThat(m.strings("regions")).isEmpty();
    assertThat(m.maps("images")).isEmpty();
    assertThat(m.stringMap("tags")).isEmpty();
    assertThat(m.optionalString("name")).isEmpty();
    assertThat(m.has("count")).isFalse();
  }

  @Test
  void wholeNumbersComeFromAnyIntegralNumberOrDigitString() {
    PlainMap m = section(Map.of("a", 3, "b", 4L, "c", 5.0, "d", "6", "e", BigInteger.valueOf(7)));

    assertThat(List.of(m.integer("a"), m.integer("b"), m.integer("c"), m.integer("d"), m.integer("e")))
        .containsExactly(3, 4, 5, 6, 7);
  }

  @Test
  void fractionsAndHugeNumbersAreNotWholeNumbers() {
    PlainMap m = section(Map.of("a", 2.5, "b", 1L << 40, "c", true));

    assertThatThrownBy(() -> m.integer("a")).hasMessage("a: expected a whole number, got 2.5");
    assertThatThrownBy(() -> m.integer("b")).hasMessageStartingWith("b: expected a whole number between");
    assertThatThrownBy(() -> m.integer("c")).hasMessage("c: expected a whole number, got true");
  }

  @Test
  void aWholeNumberBelowTheMinimumIsRejected() {
    assertThatThrownBy(() -> section(Map.of("count", 0)).integer("count", 1, 1))
        .hasMessage("count: expected a whole number of at least 1, got 0");
  }

  @Test
  void booleansComeFromBooleansOrTheirNames() {
    PlainMap m = section(Map.of("a", true, "b", "FALSE", "c", "yes"));

    assertThat(m.bool("a")).isTrue();
    assertThat(m.bool("b")).isFalse();
    assertThatThrownBy(() -> m.bool("c")).hasMessage("c: expected true or false, got 'yes'");
  }

  @Test
  void stringsAcceptWholeNumbersAndBooleansButNotFractionsOrBlanks() {
    PlainMap m = section(Map.of("id", 123456789012L, "flag", true, "tag", 1.10, "blank", " ", "list", List.of("a")));

    assertThat(m.string("id")).isEqualTo("123456789012");
    assertThat(m.string("flag")).isEqualTo("true");
    assertThatThrownBy(() -> m.string("tag")).hasMessageStartingWith("tag: expected a string, got 1.1");
    assertThatThrownBy(() -> m.string("blank")).hasMessage("blank: expected a non-empty string, got ''");
    assertThatThrownBy(() -> m.string("list")).hasMessage("list: expected a string, got a list");
  }

  @Test
  void durationsReadShortUnitsCombinationsAndIso8601() {
    PlainMap m = section(Map.of("a", "90s", "b", "30m", "c", "2h", "d", "1d", "e", "500ms", "f", "PT30M",
        "g", "1h30m", "h", "0", "i", "P1D", "j", Duration.ofSeconds(5)));

    assertThat(List.of(m.duration("a"), m.duration("b"), m.duration("c"), m.duration("d"), m.duration("e"),
        m.duration("f"), m.duration("g"), m.duration("h"), m.duration("i"), m.duration("j"))).containsExactly(
            Duration.ofSeconds(90), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofDays(1),
            Duration.ofMillis(500), Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ZERO, Duration.ofDays(1),
            Duration.ofSeconds(5));
  }

  @Test
  void malformedOrNegativeDurationsNameThePathAndTheAcceptedForms() {
    PlainMap settings = section(Map.of("settings", Map.of("a", "30 minutes", "b", "-5m", "c", 30, "d", "PT-5M",
        "e", "5x", "f", "m"))).map("settings");

    for (String key : List.of("a", "b", "c", "d", "e", "f")) {
      assertThatThrownBy(() -> settings.duration(key)).as(key)
          .hasMessageStartingWith("settings." + key + ": expected a duration such as 90s, 30m, 2h, 1d, 500ms or PT30M,"
              + " got ");
    }
    assertThatThrownBy(() -> settings.duration("c")).hasMessageEndingWith("got 30");
  }

  @Test
  void listElementsCarryTheirIndexInThePath() {
    PlainMap m = section(Map.of("regions", Arrays.asList("us-east-1", 2.5), "images", List.of(Map.of(), "x")));

    assertThatThrownBy(() -> m.strings("regions")).hasMessageStartingWith("regions[1]: expected a string, got 2.5");
    assertThatThrownBy(() -> m.maps("images")).hasMessage("images[1]: expected a map, got 'x'");
  }

  @Test
  void aScalarWhereAListOrMapBelongsIsRejected() {
    PlainMap m = section(Map.of("regions", "us-east-1", "capacity", 3));

    assertThatThrownBy(() -> m.strings("regions")).hasMessage("regions: expected a list, got 'us-east-1'");
    assertThatThrownBy(() -> m.map("capacity")).hasMessage("capacity: expected a map, got 3");
  }

  @Test
  void stringMapsTakeScalarValuesAsText() {
    PlainMap m = section(Map.of("tags", Map.of("team", "delivery", "cost", 12), "bad", Map.of("x", List.of())));

    assertThat(m.stringMap("tags")).containsEntry("team", "delivery").containsEntry("cost", "12");
    assertThatThrownBy(() -> m.stringMap("bad")).hasMessage("bad.x: expected a string, got a list");
  }

  @Test
  void anUnknownKeyIsNamedWithTheKnownOnes() {
    PlainMap group = section(Map.of("serverGroups", List.of(Map.of("account", "test", "capcity", Map.of()))))
        .maps("serverGroups").get(0);

    assertThatThrownBy(() -> group.onlyKeys("account", "region", "capacity"))
        .hasMessage("serverGroups[0].capcity: unknown key; expected one of account, region, capacity");
    assertThat(group.onlyKeys("account", "capcity")).isSameAs(group);
  }

  @Test
  void anUnknownKeyAtTheRootIsNamedAlone() {
    assertThatThrownBy(() -> section(Map.of("setings", Map.of())).onlyKeys("settings", "accounts"))
        .hasMessage("setings: unknown key; expected one of settings, accounts");
  }

  @Test
  void theReaderCannotChangeTheMapItWasGivenNorBeChangedThroughIt() {
    Map<String, Object> values = new HashMap<>(Map.of("a", "1"));
    PlainMap m = section(values);
    values.put("b", "2");

    assertThat(m.keys()).containsExactly("a");
    assertThatThrownBy(() -> m.asPlainMap().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void formattedDurationsReadBackAsTheSameDuration() {
    for (Duration d : List.of(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofMinutes(30),
        Duration.ofHours(2), Duration.ofDays(1).plusHours(1).plusMinutes(1).plusSeconds(1).plusMillis(1))) {
      String text = PlainMap.format(d);
      assertThat(new PlainValue(text, "d").asDuration()).as(text).isEqualTo(d);
    }
    assertThat(PlainMap.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
  }
}
