package dev.keel.engine.config;

/**
 * Bounds that keep a hostile or broken document from exhausting memory or time.
 *
 * @param maxDocumentChars the longest document accepted, in characters
 * @param maxNestingDepth the deepest nesting of mappings and sequences
 * @param maxStringLength the longest single scalar, and the longest line of a YAML document, in characters
 *     (SnakeYAML's scanner costs time growing with the square of a line's length, so long lines are
 *     refused before parsing)
 * @param maxNodes the most values a document may hold once YAML aliases are expanded, which stops
 *     "billion laughs" documents
 * @param maxAliases the most alias references ({@code *name}) a document may use
 */
public record ReaderLimits(int maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNodes, int maxAliases) {

  /** Checks that every limit is positive. */
  public ReaderLimits {
    if (maxDocumentChars <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0 || maxNodes <= 0 || maxAliases < 0) {
      throw new IllegalArgumentException("Reader limits must be positive");
    }
  }

  /**
   * Limits generous for any real delivery config (Keel's own are a few kilobytes), and tight enough that
   * the worst document within them is refused or read in about a second: 1 M characters, nesting 64
   * deep, scalars and YAML lines of 100 K characters, 1 M values and 1,000 aliases.
   *
   * @return the default limits
   */
  public static ReaderLimits defaults() {
    return new ReaderLimits(1_000_000, 64, 100_000, 1_000_000, 1_000);
  }
}
