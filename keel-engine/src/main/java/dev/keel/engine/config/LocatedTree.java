package dev.keel.engine.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * A document parsed into a Jackson tree, with the line and column of every value by path.
 *
 * <p>The tree is built from parser tokens rather than by Jackson's own tree reader because the YAML parser
 * reports an alias ({@code *name}) as a plain string: here aliases are expanded (and merge keys
 * {@code <<} applied), and the expansion is counted against {@link ReaderLimits#maxNodes()} so that a
 * "billion laughs" document is refused instead of exhausting memory.
 */
final class LocatedTree {

  /** A 1-based line and column. */
  record Position(int line, int column) {}

  private final JsonNode root;
  private final Map<String, Position> positions;
  private final Map<String, String> aliases;
  private final int omitted;
  /** For a tree expanded from templates: the parsed document its values were written in, else null. */
  @Nullable
  private final LocatedTree base;
  /** Paths of this tree mapped to the paths of {@link #base} their values were written at. */
  private final Map<String, String> origins;
  /** Paths of expanded resources mapped to what produced them, appended to problems found inside. */
  private final Map<String, String> notes;

  private LocatedTree(JsonNode root, Map<String, Position> positions, Map<String, String> aliases, int omitted) {
    this(root, positions, aliases, omitted, null, Map.of(), Map.of());
  }

  private LocatedTree(JsonNode root, Map<String, Position> positions, Map<String, String> aliases, int omitted,
      @Nullable LocatedTree base, Map<String, String> origins, Map<String, String> notes) {
    this.root = root;
    this.positions = positions;
    this.aliases = aliases;
    this.omitted = omitted;
    this.base = base;
    this.origins = origins;
    this.notes = notes;
  }

  /** A tree with no document behind it, for configs built in code: every position is unknown (0:0). */
  static LocatedTree none() {
    return new LocatedTree(JsonNodeFactory.instance.objectNode(), Map.of("", new Position(0, 0)), Map.of(), 0);
  }

  /**
   * A tree built from a parsed one by expanding templates: each value is placed where it was written in
   * {@code base}, through the longest path prefix {@code origins} maps, and problems inside an expanded
   * resource carry its note.
   *
   * @param origins paths of the new tree to paths of {@code base}; must map {@code ""}
   * @param notes paths of expanded resources to what produced them, such as {@code (from template 'x' ...)}
   */
  static LocatedTree expanded(JsonNode root, LocatedTree base, Map<String, String> origins, Map<String, String> notes) {
    return new LocatedTree(root, new HashMap<>(), new HashMap<>(), base.omitted, base, origins, notes);
  }

  /**
   * What produced the value at a path of an expanded tree, to append to a problem's message; empty for a
   * parsed tree and for values outside expanded resources.
   */
  String note(String path) {
    if (notes.isEmpty()) {
      return "";
    }
    for (String p = path; p != null; p = SourcePaths.parent(p)) {
      String note = notes.get(p);
      if (note != null) {
        return note;
      }
    }
    return "";
  }

  JsonNode root() {
    return root;
  }

  /** Problems found while parsing beyond {@link ConfigException#MAX_PROBLEMS}, counted but not kept. */
  int omitted() {
    return omitted;
  }

  /**
   * The position of a path: its own if recorded, else through the alias or injected subtree it lies in,
   * else that of the nearest ancestor.
   */
  Position position(String path) {
    String p = path;
    for (int guard = 0; guard < 64 && p != null; guard++) {
      Position found = positions.get(p);
      if (found != null) {
        return found;
      }
      String rewritten = throughAlias(p);
      if (rewritten != null) {
        p = rewritten;
        continue;
      }
      if (base != null) {
        String origin = through(origins, p);
        if (origin != null) {
          return base.position(origin);
        }
      }
      p = SourcePaths.parent(p);
    }
    return new Position(1, 1);
  }

  /** Records that the subtree at {@code path} was copied from {@code origin}, for positions. */
  void alias(String path, String origin) {
    aliases.put(path, origin);
  }

  @Nullable
  private String throughAlias(String path) {
    return through(aliases, path);
  }

  /** The path rewritten through the longest prefix the map holds, or null if it holds none. */
  @Nullable
  private static String through(Map<String, String> map, String path) {
    if (map.isEmpty()) {
      return null;
    }
    for (String prefix = path; prefix != null; prefix = SourcePaths.parent(prefix)) {
      String origin = map.get(prefix);
      if (origin != null) {
        String rest = path.substring(prefix.length());
        return origin.isEmpty() && rest.startsWith(".") ? rest.substring(1) : origin + rest;
      }
    }
    return null;
  }

  /**
   * Parses one document.
   *
   * @throws ConfigException for a syntax error or a limit exceeded; other structural problems (duplicate
   *     keys) are added to {@code problems}
   */
  static LocatedTree parse(JsonFactory factory, String text, String source, ReaderLimits limits,
      List<ConfigProblem> problems) {
    var builder = new Builder(source, limits, problems);
    boolean yaml = factory instanceof YAMLFactory;
    if (yaml) {
      checkLineLengths(text, source, limits);
    }
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      JsonNode root = first == null ? JsonNodeFactory.instance.objectNode() : builder.value(parser, "", 0);
      if (parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new ConfigException(List.of(new ConfigProblem(source, at.getLineNr(), at.getColumnNr(), "",
            "Expected a single document; split several configs into separate files")));
      }
      return new LocatedTree(root, builder.positions, builder.aliasOrigins, builder.omitted);
    } catch (JsonProcessingException e) {
      ConfigProblem tab = yaml && mentionsTab(e.getOriginalMessage()) ? tabInIndentation(text, source) : null;
      if (tab != null) {
        throw new ConfigException(List.of(tab));
      }
      JsonLocation at = e.getLocation();
      throw new ConfigException(List.of(new ConfigProblem(source, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), "", "Syntax error: " + cleanMessage(e))));
    } catch (IOException e) {
      throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "Could not read: " + e.getMessage())));
    } catch (RuntimeException e) {
      // SnakeYAML reports its own limits and scanner failures as unchecked exceptions.
      if (e instanceof ConfigException ce) {
        throw ce;
      }
      ConfigProblem tab = yaml && mentionsTab(e.getMessage()) ? tabInIndentation(text, source) : null;
      if (tab != null) {
        throw new ConfigException(List.of(tab));
      }
      throw new ConfigException(List.of(new ConfigProblem(source, 0, 0, "", "Syntax error: " + e.getMessage())));
    }
  }

  /**
   * Refuses a YAML line longer than the scalar limit before parsing: SnakeYAML's scanner costs time
   * growing with the square of a line's length (a 4.9 MB scalar took seconds and gigabytes), so the
   * limit has to hold before the scalar is built, not after.
   */
  private static void checkLineLengths(String text, String source, ReaderLimits limits) {
    int max = Math.min(limits.maxStringLength(), ReaderLimits.MAX_YAML_LINE);
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > max) {
          throw new ConfigException(List.of(new ConfigProblem(source, line, 1, "", "Line " + line + " is "
              + (i - start) + " characters long; the limit for YAML is " + max
              + ": split the value over several lines (a block scalar '|' or '>' does that)")));
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static boolean mentionsTab(String message) {
    return message != null && (message.contains("\\t") || message.contains("\t") || message.contains("TAB"));
  }

  /** The first tab in a line's indentation, as the problem YAML's scanner reports poorly. */
  @Nullable
  private static ConfigProblem tabInIndentation(String text, String source) {
    int line = 1;
    int column = 1;
    boolean indentation = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        indentation = true;
        continue;
      }
      if (c == '\t' && indentation) {
        return new ConfigProblem(source, line, column, "", "A tab in the indentation: YAML indents with spaces "
            + "only; replace the tab with spaces");
      }
      if (c != ' ' && c != '-' && c != '\r') {
        indentation = false;
      }
      column++;
    }
    return null;
  }

  private static String cleanMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  private static final class Builder {
    private final String source;
    private final ReaderLimits limits;
    private final List<ConfigProblem> problems;
    private final Map<String, Position> positions = new HashMap<>();
    private final Map<String, String> aliasOrigins = new HashMap<>();
    private final Map<String, Anchor> anchors = new HashMap<>();
    private long nodes;
    private int aliasCount;
    private int omitted;

    private record Anchor(JsonNode node, String path, long weight) {}

    Builder(String source, ReaderLimits limits, List<ConfigProblem> problems) {
      this.source = source;
      this.limits = limits;
      this.problems = problems;
    }

    JsonNode value(JsonParser p, String path, int depth) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      positions.putIfAbsent(path, new Position(at.getLineNr(), at.getColumnNr()));
      String anchor = p instanceof YAMLParser yp ? yp.getObjectId() : null;
      if (p instanceof YAMLParser yp && yp.isCurrentAlias()) {
        return alias(p, path);
      }
      long before = nodes;
      JsonNode node = switch (p.currentToken()) {
        case START_OBJECT -> object(p, path, depth + 1);
        case START_ARRAY -> array(p, path, depth + 1);
        default -> scalar(p);
      };
      count(1, p);
      if (anchor != null) {
        anchors.put(anchor, new Anchor(node, path, nodes - before));
      }
      return node;
    }

    private JsonNode alias(JsonParser p, String path) throws IOException {
      String name = p.getText();
      Anchor anchor = anchors.get(name);
      if (anchor == null) {
        throw fail(p, "Alias *" + name + " refers to no anchor &" + name + " on a mapping or list before it"
            + " (anchors on single values are not supported: repeat the value instead)");
      }
      if (++aliasCount > limits.maxAliases()) {
        throw fail(p, "More than " + limits.maxAliases() + " aliases; expand them by hand if this is intended");
      }
      count(anchor.weight(), p);
      aliasOrigins.put(path, anchor.path());
      // Shared, not copied: the tree is read-only, and the node count above already charges the expansion.
      return anchor.node();
    }

    private ObjectNode object(JsonParser p, String path, int depth) throws IOException {
      checkDepth(p, depth);
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      List<JsonNode> merges = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonLocation keyAt = p.currentTokenLocation();
        String child = SourcePaths.field(path, name);
        p.nextToken();
        if (name.equals("<<") && p instanceof YAMLParser) {
          merges.add(value(p, child, depth));
          continue;
        }
        if (node.has(name)) {
          if (problems.size() < ConfigException.MAX_PROBLEMS) {
            problems.add(new ConfigProblem(source, keyAt.getLineNr(), keyAt.getColumnNr(), child,
                "Duplicate key '" + name + "': each key may appear once in a mapping"));
          } else {
            omitted++;
          }
        }
        positions.put(child, new Position(keyAt.getLineNr(), keyAt.getColumnNr()));
        node.set(name, value(p, child, depth));
      }
      for (JsonNode merge : merges) {
        merge(node, merge, path, p);
      }
      return node;
    }

    /** YAML merge keys: fields of the merged mappings fill in what the mapping does not set itself. */
    private void merge(ObjectNode into, JsonNode from, String path, JsonParser p) throws IOException {
      if (from.isArray()) {
        for (JsonNode each : from) {
          merge(into, each, path, p);
        }
        return;
      }
      if (!from.isObject()) {
        throw fail(p, "A merge key '<<' needs a mapping or a list of mappings");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!into.has(e.getKey())) {
          into.set(e.getKey(), e.getValue());
        }
      }
    }

    private ArrayNode array(JsonParser p, String path, int depth) throws IOException {
      checkDepth(p, depth);
      ArrayNode node = JsonNodeFactory.instance.arrayNode();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        node.add(value(p, SourcePaths.index(path, i++), depth));
      }
      return node;
    }

    private JsonNode scalar(JsonParser p) throws IOException {
      JsonNodeFactory f = JsonNodeFactory.instance;
      return switch (p.currentToken()) {
        case VALUE_STRING -> {
          String s = p.getText();
          if (s.length() > limits.maxStringLength()) {
            throw fail(p, "A value is " + s.length() + " characters long; the limit is " + limits.maxStringLength());
          }
          yield f.textNode(s);
        }
        case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
          case INT -> f.numberNode(p.getIntValue());
          case LONG -> f.numberNode(p.getLongValue());
          default -> f.numberNode(p.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> f.numberNode(finite(p));
        case VALUE_TRUE -> f.booleanNode(true);
        case VALUE_FALSE -> f.booleanNode(false);
        case VALUE_NULL -> f.nullNode();
        default -> f.textNode(p.getText());
      };
    }

    /**
     * A decimal that a {@code double} can hold: {@code 1e1000000} would silently become Infinity, and
     * {@code 1e-1000000} zero, wherever it is bound.
     */
    private java.math.BigDecimal finite(JsonParser p) throws IOException {
      java.math.BigDecimal value = p.getDecimalValue();
      double asDouble = value.doubleValue();
      if (Double.isInfinite(asDouble) || (asDouble == 0 && value.signum() != 0)) {
        throw fail(p, "The number " + abbreviate(p.getText()) + " is out of range: numbers must lie within "
            + "\u00b1" + Double.MAX_VALUE + " and not round to zero");
      }
      return value;
    }

    private static String abbreviate(String s) {
      return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private void checkDepth(JsonParser p, int depth) {
      if (depth > limits.maxNestingDepth()) {
        throw fail(p, "Nested more than " + limits.maxNestingDepth() + " levels deep");
      }
    }

    private void count(long n, JsonParser p) {
      nodes += n;
      if (nodes > limits.maxNodes()) {
        throw fail(p, "The document expands to more than " + limits.maxNodes()
            + " values (are aliases nested into each other?)");
      }
    }

    private ConfigException fail(JsonParser p, String message) {
      JsonLocation at = p.currentTokenLocation();
      return new ConfigException(List.of(new ConfigProblem(source, at.getLineNr(), at.getColumnNr(), "", message)));
    }
  }
}
