package dev.keel.engine.config;

/**
 * Bounds that keep a hostile or broken document from exhausting memory or time.
 *
 * @param maxDocumentChars the longest document accepted, in characters
 * @param maxNestingDepth the deepest nesting of mappings and sequences
 * @param maxStringLength the longest single scalar, in characters; a YAML document's lines are held to the
 *     smaller of this and {@value #MAX_YAML_LINE} characters before parsing, because SnakeYAML's scanner
 *     costs time growing with the square of a line's length
 * @param maxNodes the most values a document may hold once YAML aliases are expanded, which stops
 *     "billion laughs" documents
 * @param maxAliases the most alias references ({@code *name}) a document may use
 */
public record ReaderLimits(int maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNodes, int maxAliases) {

  /**
   * The longest line of a YAML document: a document of such lines (a million characters in all) is read
   * in well under a second, where one of 100 K-character lines took more than one.
   */
  public static final int MAX_YAML_LINE = 20_000;

  /** Checks that every limit is positive. */
  public ReaderLimits {
    if (maxDocumentChars <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0 || maxNodes <= 0 || maxAliases < 0) {
      throw new IllegalArgumentException("Reader limits must be positive");
    }
  }

  /**
   * Limits generous for any real delivery config (Keel's own are a few kilobytes), and tight enough that
   * the worst document within them is refused or read in about a second: 1 M characters, nesting 64
   * deep, scalars of 100 K characters (YAML lines of {@value #MAX_YAML_LINE}), 1 M values and 1,000
   * aliases.
   *
   * @return the default limits
   */
  public static ReaderLimits defaults() {
    return new ReaderLimits(1_000_000, 64, 100_000, 1_000_000, 1_000);
  }
}
