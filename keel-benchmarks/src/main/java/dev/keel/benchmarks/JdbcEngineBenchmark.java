package dev.keel.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.store.KeelStore;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import dev.keel.store.jdbc.JdbcKeelStore;
import dev.keel.testkit.db.TestDatabase;
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
 * In-sync checks per second of one engine on a store of 10,000 resources, with a handler that answers at once: the
 * in-memory store, the JDBC store on an H2 file, and the JDBC store on PostgreSQL (a throwaway server from
 * keel-testkit, or the one {@code KEEL_TEST_POSTGRES_URL} names). Every resource is due all the time (a 1 ms check
 * interval), so the engine claims, checks and reschedules without pause; one invocation waits for 10,000 checks to
 * finish. With {@code -Dkeel.benchmark.roundTrips=true} (in {@code -jvmArgsAppend}) it prints after each iteration how
 * many database round trips (statements and commits) a check cost, and with {@code -Dkeel.benchmark.profileSql=true}
 * the time spent in each statement; both slow it down.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class JdbcEngineBenchmark {

  /** Where the engine keeps its state. */
  public enum StoreKind { MEMORY, H2, POSTGRES }

  @Param({"POSTGRES", "H2", "MEMORY"})
  StoreKind store;

  @Param({"10000"})
  int resources;

  @Param({"50"})
  int concurrency;

  @Param({"10"})
  int poolSize;

  private KeelEngine engine;
  private CountingStore counting;
  private HikariDataSource pool;
  private CountingDataSource roundTrips;
  private long roundTripsAtStart;
  private long checksAtStart;

  @Setup(Level.Trial)
  public void start() throws InterruptedException {
    var builder = KeelEngine.builder()
        .handler(new BenchmarkHandler(0))
        .config(EngineConfig.builder()
            .maxConcurrentChecks(concurrency)
            .checkInterval(Duration.ofMillis(1))
            .jitter(0)
            .callTimeout(Duration.ofMinutes(1))
            .build());
    if (store == StoreKind.MEMORY) {
      counting = new CountingStore();
      builder.store(counting);
    } else {
      if (store == StoreKind.POSTGRES) {
        TestDatabase db = BenchmarkDatabases.postgres();
        pool = BenchmarkDatabases.pool(db.url(), db.user(), db.password(), poolSize);
      } else {
        pool = BenchmarkDatabases.pool(BenchmarkDatabases.h2File(), null, null, poolSize);
      }
      // Counting round trips costs a proxy call per JDBC call: only when asked (-Dkeel.benchmark.roundTrips=true).
      roundTrips = Boolean.getBoolean("keel.benchmark.roundTrips") || Boolean.getBoolean("keel.benchmark.profileSql")
          ? new CountingDataSource(pool) : null;
      javax.sql.DataSource ds = roundTrips != null ? roundTrips : pool;
      builder.store(kinds -> counting = new CountingStore(JdbcKeelStore.builder().dataSource(ds).kinds(kinds).build()));
    }
    engine = builder.build();
    List<Resource<?>> things = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      things.add(new Resource<>(BenchmarkHandler.KIND, new BenchmarkHandler.Spec("thing-" + i, "bench", 3,
          "ami-" + (i % 17), List.of("a", "b", "c"))));
    }
    counting.expect(resources * 2);
    engine.submit(new DeliveryConfig("bench", null, null, List.of(),
        List.of(new Environment("test", things, List.of(), List.of(), List.of(), null))));
    engine.start();
    counting.await(); // the first checks create history and state; the ones measured find everything in sync
  }

  @Setup(Level.Iteration)
  public void mark() {
    roundTripsAtStart = roundTrips == null ? 0 : roundTrips.roundTrips.sum();
    checksAtStart = counting.finished();
  }

  /** Waits for 10,000 more checks to finish. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(10_000)
  @Warmup(iterations = 3, time = 5)
  @Measurement(iterations = 5, time = 5)
  public void inSyncChecks() throws InterruptedException {
    counting.expect(10_000);
    counting.await();
  }

  @TearDown(Level.Iteration)
  public void report() {
    if (roundTrips != null) {
      long checks = counting.finished() - checksAtStart;
      System.out.printf("%n  %s: %.1f round trips per check over %,d checks%n", store,
          (double) (roundTrips.roundTrips.sum() - roundTripsAtStart) / Math.max(1, checks), checks);
      roundTrips.printProfile(Math.max(1, checks));
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    engine.close();
    if (pool != null) {
      pool.close();
    }
  }
}
