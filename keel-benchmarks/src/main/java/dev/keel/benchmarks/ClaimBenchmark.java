package dev.keel.benchmarks;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.store.DueCheck;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.store.jdbc.JdbcKeelStore;
import dev.keel.testkit.db.TestDatabase;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * How long one claim of due checks takes on PostgreSQL when 1, 2 or 3 engine instances claim at once (run with
 * {@code -t 1}, {@code -t 2}, {@code -t 3}): each JMH thread is an instance with its own store and pool, claiming
 * batches of 50 from 10,000 due resources on the database's clock. The claims lease for no time at all, so every
 * row is claimable again at once and the instances keep contending for the same rows ({@code SKIP LOCKED}).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ClaimBenchmark {

  @Param({"10000"})
  int resources;

  @Param({"50"})
  int batch;

  /** The store's leases run on the wall clock here, as between real instances. */
  static final Clock CLOCK = Clock.systemUTC();

  TestDatabase db;
  KindRegistry kinds;
  private JdbcKeelStore seeder;

  @Setup(Level.Trial)
  public void seed() {
    db = BenchmarkDatabases.postgres();
    kinds = KindRegistry.builder().handler(new BenchmarkHandler(0)).build();
    seeder = JdbcKeelStore.builder().jdbcUrl(db.url(), db.user(), db.password()).maxPoolSize(2).kinds(kinds).build();
    List<Resource<?>> things = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      things.add(new Resource<>(BenchmarkHandler.KIND, new BenchmarkHandler.Spec("thing-" + i, "bench", 3, "ami-1",
          List.of("a"))));
    }
    seeder.storeDeliveryConfig(new DeliveryConfig("bench", null, null, List.of(),
        List.of(new Environment("test", things, List.of(), List.of(), List.of(), null))), CLOCK.instant());
  }

  @TearDown(Level.Trial)
  public void close() {
    seeder.close();
  }

  /** One engine instance: its own store and pool. */
  @State(Scope.Thread)
  public static class Instance {
    JdbcKeelStore store;
    String owner;

    @Setup(Level.Trial)
    public void open(ClaimBenchmark b, ThreadParams thread) {
      owner = "instance-" + thread.getThreadIndex();
      store = JdbcKeelStore.builder().jdbcUrl(b.db.url(), b.db.user(), b.db.password()).maxPoolSize(2).kinds(b.kinds)
          .migrate(false).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      store.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 5, time = 3)
  public List<DueCheck> claim(Instance instance) {
    return instance.store.claimDue(CLOCK.instant(), batch, instance.owner, Duration.ZERO);
  }
}
