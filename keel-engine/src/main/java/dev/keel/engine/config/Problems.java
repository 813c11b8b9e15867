package dev.keel.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one document, placing each by its path. Beyond
 * {@link ConfigException#MAX_PROBLEMS} problems are only counted, not placed or kept.
 */
final class Problems {

  private final String source;
  private final LocatedTree tree;
  private final List<ConfigProblem> problems;
  private int omitted;

  Problems(String source, LocatedTree tree, List<ConfigProblem> problems) {
    this.source = source;
    this.tree = tree;
    this.problems = problems;
    this.omitted = tree.omitted();
  }

  void add(String path, String message) {
    if (problems.size() >= ConfigException.MAX_PROBLEMS) {
      if (++omitted >= ConfigException.MAX_COUNTED) {
        throw new ConfigException(new ArrayList<>(problems), omitted, true);
      }
      return;
    }
    LocatedTree.Position at = tree.position(path);
    problems.add(new ConfigProblem(source, at.line(), at.column(), path, message + tree.note(path)));
  }

  /**
   * Where a value is, for a message about another value: {@code SOURCE:LINE:COL}, or just the path when the
   * document has no positions (a config built in code).
   */
  String locate(String path) {
    LocatedTree.Position at = tree.position(path);
    return at.line() == 0 ? path : source + ":" + at.line() + ":" + at.column();
  }

  LocatedTree tree() {
    return tree;
  }

  int size() {
    return problems.size() + omitted;
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(new ArrayList<>(problems), omitted);
    }
  }
}
