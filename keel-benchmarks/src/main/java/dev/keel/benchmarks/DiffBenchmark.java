package dev.keel.benchmarks;

import de.danielbechler.diff.ObjectDiffer;
import org.slf4j.LoggerFactory;
import de.danielbechler.diff.node.DiffNode;
import dev.keel.benchmarks.ClusterFixture.Cluster;
import dev.keel.benchmarks.ClusterFixture.Scenario;
import dev.keel.benchmarks.ClusterFixture.ServerGroup;
import dev.keel.engine.diff.Differ;
import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ResourceDiff;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.javers.core.Javers;
import org.javers.core.diff.Diff;
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
 * Keel's differ, java-object-diff 0.95 (configured as Keel configures it) and JaVers 7 on the same
 * fixtures in the same run. {@code tags} sizes the model: 10 gives about 200 JSON nodes, 950 about
 * 3,000 (the setup prints the exact count). The floor is {@link EqualsFloorBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DiffBenchmark {

  @Param({"10", "950"})
  public int tags;

  @Param
  public Scenario scenario;

  private Map<String, ServerGroup> desired;
  private Map<String, ServerGroup> current;
  private Cluster desiredHolder;
  private Cluster currentHolder;
  private Differ keel;
  private ObjectDiffer javaObjectDiff;
  private Javers javers;

  /** Builds the fixture and checks that Keel's differ reports what the scenario changed. */
  @Setup
  public void setUp() {
    desired = ClusterFixture.desired(tags);
    current = ClusterFixture.current(tags, scenario);
    desiredHolder = new Cluster(desired);
    currentHolder = new Cluster(current);
    keel = Differs.keel();
    javaObjectDiff = Differs.javaObjectDiff();
    javers = Differs.javers();
    List<String> paths = keel.diff(desired, current).changes().stream().map(Change::path).toList();
    List<String> expected = switch (scenario) {
      case EQUAL, SET_REORDER -> List.of();
      case ONE_LEAF -> List.of("/us-west-2/capacity/desired");
      case KEYED_ELEMENT -> List.of("/us-west-2/scaling/targetTrackingPolicies/[metric=CPUUtilization]/targetValue");
      case ALL_REGIONS_IMAGE -> ClusterFixture.REGIONS.stream().map(r -> "/" + r + "/launchConfiguration/image").toList();
    };
    if (!paths.equals(expected)) {
      throw new IllegalStateException(scenario + ": expected " + expected + " but the differ reported " + paths);
    }
    LoggerFactory.getLogger(DiffBenchmark.class).info("[fixture] tags={} nodes={} scenario={} javers={} changes, "
        + "java-object-diff={}", tags, ClusterFixture.nodes(desired), scenario,
        javers.compare(currentHolder, desiredHolder).getChanges().size(), javaObjectDiff.compare(desired, current).getState());
  }

  /** Keel's differ: the full change list. */
  @Benchmark
  public ResourceDiff<Map<String, ServerGroup>> keelDiffer() {
    return keel.diff(desired, current);
  }

  /** java-object-diff 0.95 with Keel's configuration. */
  @Benchmark
  public DiffNode javaObjectDiff() {
    return javaObjectDiff.compare(desired, current);
  }

  /** JaVers 7, typed holder, SIMPLE lists. */
  @Benchmark
  public Diff javers() {
    return javers.compare(currentHolder, desiredHolder);
  }
}
