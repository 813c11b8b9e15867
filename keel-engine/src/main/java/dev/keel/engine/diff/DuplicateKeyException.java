package dev.keel.engine.diff;

/**
 * Two elements of a {@link CollectionSemantics#KEYED} collection have the same key, so elements of
 * desired and current cannot be matched unambiguously.
 */
public final class DuplicateKeyException extends DiffException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String side;
  private final String key;

  DuplicateKeyException(String path, String side, String key) {
    super("duplicate key " + key + " in the " + side + " keyed collection at " + (path.isEmpty() ? "/" : path));
    this.path = path;
    this.side = side;
    this.key = key;
  }

  /**
   * The JSON Pointer of the collection.
   *
   * @return the path
   */
  public String path() {
    return path;
  }

  /**
   * Which side holds the duplicate.
   *
   * @return {@code desired} or {@code current}
   */
  public String side() {
    return side;
  }

  /**
   * The duplicated key, rendered as a selector such as {@code [metric=CPUUtilization]}.
   *
   * @return the key
   */
  public String key() {
    return key;
  }
}
