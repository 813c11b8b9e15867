package dev.keel.benchmarks;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigReader;
import dev.keel.engine.config.KindRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the worst documents within the config reader's default limits cost to refuse: the reader must turn
 * each away in about a second at most, whatever its author intended.
 *
 * <ul>
 *   <li>{@code aliasedProblems}: 250 environments aliasing one list of 900 resources of an unknown kind, so
 *       225,000 problems once expanded (the problem cap stops reading after 1,000);
 *   <li>{@code longLines}: just under a million characters of plain scalars 19,999 characters long, each line
 *       just under the YAML line limit (SnakeYAML's scanner is quadratic in a line's length);
 *   <li>{@code manyValues}: just under a million characters of one-character values in flow sequences.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReaderLimitsBenchmark {

  @Param({"aliasedProblems", "longLines", "manyValues"})
  public String document;

  private ConfigReader reader;
  private String text;

  @Setup
  public void setUp() {
    reader = ConfigReader.builder().registry(KindRegistry.builder().build()).build();
    text = switch (document) {
      case "aliasedProblems" -> aliasedProblems();
      case "longLines" -> longLines();
      case "manyValues" -> manyValues();
      default -> throw new IllegalArgumentException(document);
    };
    if (text.length() >= 1_000_000) {
      throw new IllegalStateException(document + " is over the document limit: " + text.length());
    }
  }

  /**
   * Reads the document, which is refused.
   *
   * @return the number of problems reported, so the work is not optimised away
   */
  @Benchmark
  public int refuse() {
    try {
      reader.read(text, document + ".yml");
      throw new IllegalStateException(document + " was accepted");
    } catch (ConfigException e) {
      return e.problems().size() + e.omitted();
    }
  }

  private static String aliasedProblems() {
    StringBuilder doc = new StringBuilder("application: fnord\nbroken: &bad\n");
    for (int i = 0; i < 900; i++) {
      doc.append("- {kind: nope/thing@v1, spec: {a: ").append(i).append("}}\n");
    }
    doc.append("environments:\n");
    for (int i = 0; i < 250; i++) {
      doc.append("- {name: env").append(i).append(", resources: *bad}\n");
    }
    return doc.toString();
  }

  private static String longLines() {
    StringBuilder doc = new StringBuilder("application: fnord\nnotes:\n");
    String value = "x".repeat(19_990);
    while (doc.length() + value.length() + 6 < 999_000) {
      doc.append("- ").append(value).append('\n');
    }
    return doc.toString();
  }

  private static String manyValues() {
    StringBuilder doc = new StringBuilder("application: fnord\nnotes:\n");
    String line = "- [" + "a, ".repeat(4_000) + "a]\n";
    while (doc.length() + line.length() < 999_000) {
      doc.append(line);
    }
    return doc.toString();
  }
}
