package dev.keel.engine.config;

import java.util.Map;

/**
 * A YAML or JSON document read as plain values (maps, lists, strings, numbers, booleans, nulls) under the
 * reader's limits, which still knows where each value came from. Hosts use it for their own file formats,
 * such as the keel CLI's scenarios, so that their errors carry a file, line and column like config errors.
 */
public final class LocatedDocument {

  private final String source;
  private final LocatedTree tree;
  private final Map<String, Object> values;

  LocatedDocument(String source, LocatedTree tree, Map<String, Object> values) {
    this.source = source;
    this.tree = tree;
    this.values = values;
  }

  /**
   * The document's top-level mapping.
   *
   * @return its keys in document order; nested mappings and lists are plain maps and lists
   */
  public Map<String, Object> values() {
    return values;
  }

  /**
   * The source name the document was read under.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * A problem at a path of this document, placed at the line and column of the value there, or of its
   * nearest ancestor when the value is missing.
   *
   * @param path a path such as {@code timeline[2].publish.version}, as built by {@link #field} and
   *     {@link #index}
   * @param message what is wrong
   * @return the problem
   */
  public ConfigProblem problem(String path, String message) {
    LocatedTree.Position at = tree.position(path);
    return new ConfigProblem(source, at.line(), at.column(), path, message);
  }

  /**
   * The path of a mapping's field.
   *
   * @param parent the mapping's path; {@code ""} for the top level
   * @param name the field
   * @return the field's path
   */
  public static String field(String parent, String name) {
    return SourcePaths.field(parent, name);
  }

  /**
   * The path of a list's element.
   *
   * @param parent the list's path
   * @param index the element's index, from 0
   * @return the element's path
   */
  public static String index(String parent, int index) {
    return SourcePaths.index(parent, index);
  }
}
