package dev.keel.engine.config;

import dev.keel.spi.KeelException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config could not be read: it holds every problem found, each with its location. Nothing was stored.
 */
public class ConfigException extends KeelException {

  private final List<ConfigProblem> problems;

  /**
   * An exception for one or more problems.
   *
   * @param problems the problems, at least one
   */
  public ConfigException(List<ConfigProblem> problems) {
    super(render(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A ConfigException needs at least one problem");
    }
    this.problems = problems.stream().sorted().collect(Collectors.toUnmodifiableList());
  }

  /**
   * The problems, ordered by source, line and column.
   *
   * @return the problems
   */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems) {
    var sorted = problems.stream().sorted().map(ConfigProblem::toString).collect(Collectors.toList());
    return sorted.size() == 1
        ? sorted.get(0)
        : sorted.size() + " problems:\n" + String.join("\n", sorted);
  }
}
