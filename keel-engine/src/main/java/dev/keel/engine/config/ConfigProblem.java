package dev.keel.engine.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a config, and where: the source (a file name or a name the caller gave), the
 * 1-based line and column, and the path of the value, such as
 * {@code environments[1].resources[0].spec.capacity.min}.
 *
 * @param source the source name
 * @param line the line, 1-based; 0 when unknown
 * @param column the column, 1-based; 0 when unknown
 * @param path the path of the offending value; {@code ""} for the document itself
 * @param message what is wrong and, where possible, how to fix it
 */
public record ConfigProblem(String source, int line, int column, String path, String message)
    implements Comparable<ConfigProblem> {

  private static final Comparator<ConfigProblem> ORDER = Comparator.comparing(ConfigProblem::source)
      .thenComparingInt(ConfigProblem::line)
      .thenComparingInt(ConfigProblem::column)
      .thenComparing(ConfigProblem::path)
      .thenComparing(ConfigProblem::message);

  /** Checks for nulls. */
  public ConfigProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Orders by source, line, column, path and message. */
  @Override
  public int compareTo(ConfigProblem other) {
    return ORDER.compare(this, other);
  }

  /**
   * The problem in the compiler-like form {@code SOURCE:LINE:COL: message (at PATH)}.
   *
   * @return the rendered problem
   */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message + (path.isEmpty() ? "" : " (at " + path + ")");
  }
}
