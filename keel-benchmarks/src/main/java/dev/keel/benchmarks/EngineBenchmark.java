package dev.keel.benchmarks;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole sweeps of the engine over N in-sync resources: every resource is triggered, claimed from the
 * store, queued, checked (actuation-in-progress, resolvers, desired and current in parallel under
 * deadlines, diff, state and history) and rescheduled. {@code latencyMillis} is the time each
 * {@code current()} call waits, as a cloud API would.
 *
 * <ul>
 *   <li>{@code throughput}: zero latency, so the time per check is the engine's own overhead;</li>
 *   <li>{@code latencyBound}: 10,000 resources at 20 ms each and 200 checks at once, whose lower bound is
 *       N x L / C = 1 s per sweep.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class EngineBenchmark {

  @Param({"10000"})
  int resources;

  @Param({"0"})
  long latencyMillis;

  @Param({"50"})
  int concurrency;

  private KeelEngine engine;
  private CountingStore store;
  private List<String> ids;

  @Setup(Level.Trial)
  public void start() throws InterruptedException {
    store = new CountingStore();
    engine = KeelEngine.builder()
        .store(store)
        .handler(new BenchmarkHandler(TimeUnit.MILLISECONDS.toNanos(latencyMillis)))
        .config(EngineConfig.builder()
            .maxConcurrentChecks(concurrency)
            .checkInterval(Duration.ofDays(1))
            .callTimeout(Duration.ofMinutes(1))
            .build())
        .build();
    List<Resource<?>> things = new ArrayList<>();
    ids = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      Resource<?> r = new Resource<>(BenchmarkHandler.KIND, new BenchmarkHandler.Spec("thing-" + i, "bench", 3,
          "ami-" + (i % 17), List.of("a", "b", "c")));
      things.add(r);
      ids.add(r.id());
    }
    store.expect(resources);
    engine.submit(new DeliveryConfig("bench", null, null, List.of(),
        List.of(new Environment("test", things, List.of(), List.of(), List.of(), null))));
    engine.start();
    store.await(); // the first sweep creates history and state; measured sweeps find everything in sync
  }

  /** One sweep: trigger every resource and wait until each has been checked and rescheduled. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(10000)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public void throughput() throws InterruptedException {
    sweep();
  }

  private void sweep() throws InterruptedException {
    store.expect(ids.size());
    for (String id : ids) {
      engine.checkNow(id);
    }
    store.await();
  }

  /** The same sweep, timed whole: compare with the bound N x L / C. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public void latencyBound() throws InterruptedException {
    sweep();
  }

  @TearDown(Level.Trial)
  public void stop() {
    engine.close();
  }
}
