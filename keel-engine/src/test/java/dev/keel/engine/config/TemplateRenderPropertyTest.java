package dev.keel.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Rendering is a function of the document alone, and a fixed point: rendering a rendered config changes
 * nothing, and a config without templates renders to its own values.
 */
class TemplateRenderPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final List<String> AWKWARD = List.of("yes", "no", "on", "off", "true", "False", "null", "~", "",
      "1.0", "0x1F", "1e3", ".5", "+1", "-", "007", "Infinity", "NaN", ".inf", "a: b", "a:b", "#x", "x #y", " lead",
      "trail ", "two  spaces", "multi\nline", "trailing\n", "tab\there", "bell\u0007", "${x}", "$${y}", "$", "a$b",
      "é✓ unicode", "@at", "*star", "&anchor", "!tag", "%pct", "`tick`", "'q'", "\"dq\"", "[x]", "{y}", "a, b",
      "? q", "| pipe", "> fold", "- dash", "key=value", "path/to/x", "m5.large", "-Xmx2g");

  private final ConfigReader reader = TemplateKinds.reader();

  private static Gen<List<String>> texts() {
    Gen<String> text = Generate.pick(AWKWARD).mix(strings().basicLatinAlphabet().ofLengthBetween(0, 12))
        .mix(strings().betweenCodePoints(0x20, 0x2fff).ofLengthBetween(1, 6));
    return lists().of(text).ofSizeBetween(1, 12);
  }

  @Test
  void renderingATemplatedConfigIsDeterministicAndRenderingTheResultChangesNothing() {
    qt().withFixedSeed(20L).withExamples(250).forAll(longs().all(), texts()).checkAssert((seed, texts) -> {
      String doc = GeneratedConfigs.templated(seed, texts).toString();

      String once = reader.render(doc, "generated.json");

      assertThat(reader.render(doc, "generated.json")).isEqualTo(once);
      assertThat(TemplateKinds.reader().render(doc, "generated.json")).as("another reader").isEqualTo(once);
      assertThat(once).doesNotContain("templates:").doesNotContain("like:");
      assertThat(reader.render(once, "rendered.yml")).isEqualTo(once);
      assertThat(reader.read(once, "rendered.yml")).isEqualTo(reader.read(doc, "generated.json"));
    });
  }

  @Test
  void aConfigWithoutTemplatesRendersToItsOwnValues() throws Exception {
    qt().withFixedSeed(21L).withExamples(250).forAll(longs().all(), texts()).checkAssert((seed, texts) -> {
      JsonNode plain = GeneratedConfigs.plain(seed, texts);

      String rendered = reader.render(plain.toString(), "plain.json");

      try {
        assertThat(YAML.readTree(rendered)).isEqualTo(JSON.readTree(plain.toString()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertThat(reader.render(rendered, "rendered.yml")).isEqualTo(rendered);
    });
  }
}
