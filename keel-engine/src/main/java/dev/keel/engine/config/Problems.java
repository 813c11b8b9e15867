package dev.keel.engine.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one document, placing each by its path. */
final class Problems {

  private final String source;
  private final LocatedTree tree;
  private final List<ConfigProblem> problems;

  Problems(String source, LocatedTree tree, List<ConfigProblem> problems) {
    this.source = source;
    this.tree = tree;
    this.problems = problems;
  }

  void add(String path, String message) {
    LocatedTree.Position at = tree.position(path);
    problems.add(new ConfigProblem(source, at.line(), at.column(), path, message));
  }

  LocatedTree tree() {
    return tree;
  }

  int size() {
    return problems.size();
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new ConfigException(new ArrayList<>(problems));
    }
  }
}
