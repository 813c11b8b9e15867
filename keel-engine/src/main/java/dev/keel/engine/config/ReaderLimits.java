package dev.keel.engine.config;

/**
 * Bounds that keep a hostile or broken document from exhausting memory or time.
 *
 * @param maxDocumentChars the longest document accepted, in characters; a config expanded from templates is
 *     held to it too, counting the characters of its values, so that its rendering can be read again
 * @param maxNestingDepth the deepest nesting of mappings and sequences, in a document and in its expansion
 * @param maxStringLength the longest single scalar, in characters, also one built by a template; a YAML
 *     document's lines are held to the smaller of this and {@value #MAX_YAML_LINE} characters before parsing,
 *     because SnakeYAML's scanner costs time growing with the square of a line's length
 * @param maxNodes the most values a document may hold once YAML aliases are expanded, which stops
 *     "billion laughs" documents; a config's expansion from templates is held to it too
 * @param maxAliases the most alias references ({@code *name}) a document may use
 * @param maxInstantiations the most resources a config may instantiate from templates or copy with
 *     {@code like}, across all its environments
 * @param maxLikeDepth the longest chain of environments declared {@code like} one another
 */
public record ReaderLimits(int maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNodes, int maxAliases,
    int maxInstantiations, int maxLikeDepth) {

  /**
   * The longest line of a YAML document: a document of such lines (a million characters in all) is read
   * in well under a second, where one of 100 K-character lines took more than one.
   */
  public static final int MAX_YAML_LINE = 20_000;

  /** The default {@link #maxInstantiations()}. */
  public static final int DEFAULT_MAX_INSTANTIATIONS = 10_000;

  /** The default {@link #maxLikeDepth()}. */
  public static final int DEFAULT_MAX_LIKE_DEPTH = 16;

  /** Checks that every limit is positive. */
  public ReaderLimits {
    if (maxDocumentChars <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0 || maxNodes <= 0 || maxAliases < 0
        || maxInstantiations <= 0 || maxLikeDepth <= 0) {
      throw new IllegalArgumentException("Reader limits must be positive");
    }
  }

  /**
   * Limits with the default bounds on templates ({@value #DEFAULT_MAX_INSTANTIATIONS} instantiations, chains of
   * {@code like} {@value #DEFAULT_MAX_LIKE_DEPTH} environments long).
   *
   * @param maxDocumentChars the longest document accepted, in characters
   * @param maxNestingDepth the deepest nesting of mappings and sequences
   * @param maxStringLength the longest single scalar, in characters
   * @param maxNodes the most values a document may hold once aliases and templates are expanded
   * @param maxAliases the most alias references a document may use
   */
  public ReaderLimits(int maxDocumentChars, int maxNestingDepth, int maxStringLength, int maxNodes, int maxAliases) {
    this(maxDocumentChars, maxNestingDepth, maxStringLength, maxNodes, maxAliases, DEFAULT_MAX_INSTANTIATIONS,
        DEFAULT_MAX_LIKE_DEPTH);
  }

  /**
   * Limits generous for any real delivery config (Keel's own are a few kilobytes), and tight enough that
   * the worst document within them is refused or read in about a second: 1 M characters, nesting 64
   * deep, scalars of 100 K characters (YAML lines of {@value #MAX_YAML_LINE}), 1 M values, 1,000
   * aliases, {@value #DEFAULT_MAX_INSTANTIATIONS} template instantiations and chains of {@code like}
   * {@value #DEFAULT_MAX_LIKE_DEPTH} environments long.
   *
   * @return the default limits
   */
  public static ReaderLimits defaults() {
    return new ReaderLimits(1_000_000, 64, 100_000, 1_000_000, 1_000);
  }

  /**
   * A copy with other bounds on templates.
   *
   * @param instantiations the most resources instantiated from templates or copied with {@code like}
   * @param likeDepth the longest chain of environments declared {@code like} one another
   * @return the copy
   */
  public ReaderLimits withTemplateLimits(int instantiations, int likeDepth) {
    return new ReaderLimits(maxDocumentChars, maxNestingDepth, maxStringLength, maxNodes, maxAliases, instantiations,
        likeDepth);
  }
}
