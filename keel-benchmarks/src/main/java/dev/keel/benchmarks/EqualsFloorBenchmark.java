package dev.keel.benchmarks;

import dev.keel.benchmarks.ClusterFixture.ServerGroup;
import java.util.Map;
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
 * The floor: record {@code equals()} of the desired cluster against a distinct deep copy of itself
 * (a JSON round trip, so no shared instances and HashSets on one side). No correct diff of distinct
 * instances can visit fewer nodes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EqualsFloorBenchmark {

  @Param({"10", "950"})
  public int tags;

  private Map<String, ServerGroup> desired;
  private Map<String, ServerGroup> copy;

  /** Builds the model and its copy. */
  @Setup
  public void setUp() {
    desired = ClusterFixture.desired(tags);
    copy = ClusterFixture.roundTrip(desired);
    if (!desired.equals(copy)) {
      throw new IllegalStateException("the deep copy must be equal");
    }
  }

  /** {@code equals()} on a distinct deep copy. */
  @Benchmark
  public boolean recordEquals() {
    return desired.equals(copy);
  }
}
