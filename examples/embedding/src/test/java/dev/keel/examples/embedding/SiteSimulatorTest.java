package dev.keel.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example's simulator, driven with plain values as a host such as the keel CLI drives one. */
class SiteSimulatorTest {

  private final SiteHost host = new SiteHost(Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC),
      Duration.ofSeconds(5));
  private final SiteSimulator simulator = new SiteSimulator(host);

  @Test
  void seededSitesExistBeforeTheEngineLooks() {
    simulator.seed(Map.of("sites", List.of(
        Map.of("hostname", "www.fnord.example.com", "bundle", "0.9.0"),
        Map.of("hostname", "test.fnord.example.com", "bundle", "0.9.1", "cacheTtlSeconds", 60))));

    assertThat(host.site("www.fnord.example.com")).contains(new SiteState("0.9.0", SiteSpec.DEFAULT_CACHE_TTL));
    assertThat(host.site("test.fnord.example.com")).contains(new SiteState("0.9.1", 60));
  }

  @Test
  void anEditChangesOnlyTheValuesItGives() {
    simulator.seed(Map.of("sites", List.of(Map.of("hostname", "www.fnord.example.com", "bundle", "0.9.0"))));

    String said = simulator.apply("edit", Map.of("hostname", "www.fnord.example.com", "cacheTtlSeconds", 5));

    assertThat(host.site("www.fnord.example.com")).contains(new SiteState("0.9.0", 5));
    assertThat(said).isEqualTo("www.fnord.example.com now serves 0.9.0 cached 5s");
    assertThat(simulator.actions()).containsOnlyKeys("edit");
  }

  @Test
  void aMalformedSectionOrActionNamesTheBadValueFirst() {
    assertThatThrownBy(() -> simulator.seed(Map.of("sites", List.of(Map.of("hostname", "a.example.com",
        "bundle", "1.0.0", "cacheTtlSeconds", "five"))))).hasMessageStartingWith("sites[0].cacheTtlSeconds:");
    assertThatThrownBy(() -> simulator.seed(Map.of("site", List.of()))).hasMessageStartingWith("site: unknown");
    assertThatThrownBy(() -> simulator.apply("edit", Map.of("hostname", "nowhere.example.com")))
        .hasMessageStartingWith("hostname: no site");
    assertThatThrownBy(() -> simulator.apply("delete", Map.of())).hasMessageContaining("Unknown action 'delete'");
  }
}
