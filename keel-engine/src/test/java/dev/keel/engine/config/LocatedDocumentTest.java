package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hosts read their own YAML formats as plain values that still know their lines and columns. */
class LocatedDocumentTest {

  private final ConfigReader reader = ConfigReader.builder().build();

  @Test
  void valuesArePlainAndProblemsArePlacedAtTheirValueOrItsNearestAncestor() {
    LocatedDocument doc = reader.readDocument("""
        start: 2026-01-05T09:00:00Z
        timeline:
        - at: 30m
          publish: {artifact: fnord, version: 1.0.0}
        """, "scenario.yml");

    assertThat(doc.values()).containsKeys("start", "timeline");
    assertThat(doc.values().get("timeline")).isEqualTo(List.of(Map.of("at", "30m",
        "publish", Map.of("artifact", "fnord", "version", "1.0.0"))));
    String version = LocatedDocument.field(LocatedDocument.field(LocatedDocument.index("timeline", 0), "publish"),
        "version");
    assertThat(doc.problem(version, "bad").toString()).isEqualTo("scenario.yml:4:30: bad (at timeline[0].publish.version)");
    assertThat(doc.problem("timeline[0].publish.branch", "missing").line()).isEqualTo(4);
    assertThat(doc.source()).isEqualTo("scenario.yml");
  }

  @Test
  void syntaxErrorsDuplicateKeysAndNonMappingsAreConfigErrors() {
    assertThatThrownBy(() -> reader.readDocument("a: [1, 2\n", "x.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.yml:").hasMessageContaining("Syntax error");
    assertThatThrownBy(() -> reader.readDocument("a: 1\na: 2\n", "x.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("x.yml:2:");
    assertThatThrownBy(() -> reader.readDocument("- 1\n- 2\n", "x.yml")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("Expected a mapping at the top of the document");
  }
}
