package dev.keel.engine.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Writes a config tree as YAML in Keel's plain format, so that reading the text gives the same tree back: a
 * string is written bare only when it is plainly a word or words (anything else is quoted), and a decimal
 * keeps a fraction so that it stays a decimal.
 */
final class ConfigRendering {

  private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .stringQuotingChecker(new Quoting())
      .build())
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ConfigRendering() {}

  /** The tree as a YAML document. */
  static String yaml(JsonNode root) {
    try {
      return YAML.writeValueAsString(decimalsKept(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A config tree could not be written as YAML", e);
    }
  }

  /**
   * The path of a key YAML cannot hold, {@code <<}, which a reader of YAML takes for a merge key however it is
   * quoted (a JSON document may have one); null if there is none.
   */
  @Nullable
  static String unwritableKey(JsonNode node, String path) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      String child = SourcePaths.field(path, e.getKey());
      String found = e.getKey().equals("<<") ? child : unwritableKey(e.getValue(), child);
      if (found != null) {
        return found;
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      String found = unwritableKey(node.get(i), SourcePaths.index(path, i));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /**
   * The tree with every whole decimal ({@code 1e3}) given a fraction ({@code 1000.0}), so that it is read back
   * as a decimal, not a whole number; the tree itself when it has none.
   */
  private static JsonNode decimalsKept(JsonNode node) {
    if (node.isBigDecimal() && node.decimalValue().scale() <= 0) {
      // Not through a JsonNodeFactory, which on Jackson 2.13 strips the trailing zero again.
      return DecimalNode.valueOf(node.decimalValue().setScale(1));
    }
    if (node.isObject()) {
      ObjectNode copy = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        JsonNode kept = decimalsKept(e.getValue());
        if (kept != e.getValue()) {
          copy = copy == null ? ((ObjectNode) node).deepCopy() : copy;
          copy.set(e.getKey(), kept);
        }
      }
      return copy == null ? node : copy;
    }
    if (node.isArray()) {
      ArrayNode copy = null;
      for (int i = 0; i < node.size(); i++) {
        JsonNode kept = decimalsKept(node.get(i));
        if (kept != node.get(i)) {
          copy = copy == null ? ((ArrayNode) node).deepCopy() : copy;
          copy.set(i, kept);
        }
      }
      return copy == null ? node : copy;
    }
    return node;
  }

  /** Quotes every string that is not plainly a word or words separated by single spaces. */
  private static final class Quoting extends StringQuotingChecker {
    private static final long serialVersionUID = 1L;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9._/@~^()+=-]*( [A-Za-z0-9._/@~^()+=-]+)*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null",
        "nan", "inf", "infinity");

    @Override
    public boolean needToQuoteName(String name) {
      return needToQuoteValue(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return !PLAIN.matcher(value).matches() || RESERVED.contains(value.toLowerCase(Locale.ROOT));
    }
  }
}
