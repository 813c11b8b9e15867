package dev.keel.benchmarks;

import dev.keel.engine.internal.promotion.Promotions;
import dev.keel.engine.promotion.DependsOnConstraint;
import dev.keel.engine.store.InMemoryStore;
import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One promotion check of a config with 10 environments in a chain (each depends on the one before), 3
 * Debian artifacts with 1,000 published versions each, and one resource per artifact per environment: the
 * versions are filtered and sorted, each environment's pending candidates are walked and their
 * constraints evaluated.
 *
 * <p>It measures {@code Promotions} directly, which is internal (not API): a benchmark of an internal class is the
 * one kind of code outside keel-engine allowed to import {@code dev.keel.engine.internal}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PromotionBenchmark {

  private static final ResourceKind KIND = ResourceKind.parse("bench/app@v1");

  /** A resource that deploys one artifact. */
  record App(String id, String artifactReference, String artifactVersion) implements ArtifactReferencing {
    @Override
    public String application() {
      return "bench";
    }

    @Override
    public App withArtifactVersion(String version) {
      return new App(id, artifactReference, version);
    }
  }

  private Promotions promotions;
  private DeliveryConfig config;

  @Setup(Level.Trial)
  public void setUp() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    InMemoryStore store = new InMemoryStore();
    List<DeliveryArtifact> artifacts = new ArrayList<>();
    for (int a = 0; a < 3; a++) {
      artifacts.add(new DebianArtifact("pkg" + a, "pkg" + a, null, Set.of(), null));
    }
    List<Environment> environments = new ArrayList<>();
    for (int e = 0; e < 10; e++) {
      List<Resource<?>> resources = new ArrayList<>();
      for (int a = 0; a < 3; a++) {
        resources.add(new Resource<>(KIND, new App("env" + e + "-app" + a, "pkg" + a, null)));
      }
      List<Constraint> constraints = e == 0 ? List.of() : List.of(new DependsOnConstraint("env" + (e - 1)));
      environments.add(new Environment("env" + e, resources, constraints, List.of(), List.of(), null));
    }
    config = new DeliveryConfig("bench", null, null, artifacts, environments);
    store.storeDeliveryConfig(config, clock.instant());
    promotions = new Promotions(store, clock, List.of(), List.of(), id -> { }, name -> { }, 15);
    for (int a = 0; a < 3; a++) {
      for (int v = 0; v < 1_000; v++) {
        promotions.publish(new ArtifactVersion("deb", "pkg" + a, "1." + (v / 100) + "." + (v % 100) + "-h" + v + ".abcdef0",
            clock.instant(), null, Map.of()), List.of(config));
      }
    }
    promotions.check(config); // the first environment approves its newest versions
  }

  /** One steady-state promotion check of the whole config. */
  @Benchmark
  public void check() {
    promotions.check(config);
  }
}
