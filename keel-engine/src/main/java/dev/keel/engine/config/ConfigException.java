package dev.keel.engine.config;

import dev.keel.spi.KeelException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A config could not be read: it holds every problem found, each with its location. Nothing was stored.
 */
public class ConfigException extends KeelException {

  /**
   * The most problems one exception holds; readers stop collecting there and only count the rest, so that
   * a hostile document (say, an alias of a broken subtree repeated a million times) costs bounded memory.
   */
  public static final int MAX_PROBLEMS = 100;

  /**
   * How many problems beyond {@link #MAX_PROBLEMS} a reader counts before it stops reading: finding each
   * costs work, and a document that broken needs its first problems fixed, not all of them found.
   */
  public static final int MAX_COUNTED = 1_000;

  private final List<ConfigProblem> problems;
  private final int omitted;
  private final boolean stopped;

  /**
   * An exception for one or more problems.
   *
   * @param problems the problems, at least one; beyond {@value #MAX_PROBLEMS} only counted
   */
  public ConfigException(List<ConfigProblem> problems) {
    this(problems, 0);
  }

  /**
   * An exception for problems of which some were only counted.
   *
   * @param problems the problems kept, at least one; beyond {@value #MAX_PROBLEMS} only counted
   * @param omitted how many more problems were found but not kept
   */
  public ConfigException(List<ConfigProblem> problems, int omitted) {
    this(problems, omitted, false);
  }

  /**
   * An exception for problems of which some were only counted, and after which reading may have stopped.
   *
   * @param problems the problems kept, at least one; beyond {@value #MAX_PROBLEMS} only counted
   * @param omitted how many more problems were found but not kept
   * @param stopped whether the reader stopped looking for more, so that there may be others
   */
  public ConfigException(List<ConfigProblem> problems, int omitted, boolean stopped) {
    super(render(problems, omitted, stopped));
    this.stopped = stopped;
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("A ConfigException needs at least one problem");
    }
    this.problems = problems.stream().limit(MAX_PROBLEMS).sorted().collect(Collectors.toUnmodifiableList());
    this.omitted = omitted + Math.max(0, problems.size() - MAX_PROBLEMS);
  }

  /**
   * How many problems were found beyond those in {@link #problems()}, which were only counted.
   *
   * @return the count, 0 when every problem is listed
   */
  public int omitted() {
    return omitted;
  }

  /**
   * Whether the reader stopped after {@link #omitted()} more problems, so that there may be yet more.
   *
   * @return true if reading stopped early
   */
  public boolean stopped() {
    return stopped;
  }

  /**
   * The problems as lines to show a user: one per problem ({@code SOURCE:LINE:COL: message}), then
   * {@code ... and N more problems} when some were only counted.
   *
   * @return the lines
   */
  public List<String> lines() {
    var lines = new java.util.ArrayList<String>();
    problems.forEach(p -> lines.add(p.toString()));
    if (omitted > 0) {
      lines.add(moreLine(omitted, stopped));
    }
    return List.copyOf(lines);
  }

  private static String moreLine(int omitted, boolean stopped) {
    return "... and " + omitted + " more problem" + (omitted == 1 ? "" : "s") + (stopped ? " at least" : "")
        + " (only the first " + MAX_PROBLEMS + " are listed" + (stopped ? "; reading stopped there" : "") + ")";
  }

  /**
   * The problems, ordered by source, line and column.
   *
   * @return the problems
   */
  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String render(List<ConfigProblem> problems, int omitted, boolean stopped) {
    var sorted = problems.stream().limit(MAX_PROBLEMS).sorted().map(ConfigProblem::toString)
        .collect(Collectors.toList());
    int more = omitted + Math.max(0, problems.size() - MAX_PROBLEMS);
    if (more > 0) {
      sorted.add(moreLine(more, stopped));
    }
    return sorted.size() == 1
        ? sorted.get(0)
        : (sorted.size() - (more > 0 ? 1 : 0) + more) + " problems:\n" + String.join("\n", sorted);
  }
}
