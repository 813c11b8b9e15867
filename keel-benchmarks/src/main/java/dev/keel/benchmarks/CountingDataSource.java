package dev.keel.benchmarks;

import dev.keel.testkit.db.InterceptingDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * A data source that counts the round trips the store makes: statement executions and commits (each of which the
 * driver sends to the server), so that a benchmark can say how many a check costs.
 */
final class CountingDataSource extends InterceptingDataSource {

  final LongAdder roundTrips = new LongAdder();
  /** Time and count per statement text, when profiling ({@code -Dkeel.benchmark.profileSql=true}). */
  private final Map<String, long[]> profile = new ConcurrentHashMap<>();
  private final boolean profiling = Boolean.getBoolean("keel.benchmark.profileSql");

  CountingDataSource(DataSource delegate) {
    super(delegate);
  }

  @Override
  protected Object roundTrip(String method, String sql, RoundTrip call) throws Throwable {
    roundTrips.increment();
    long start = System.nanoTime();
    try {
      return call.proceed();
    } finally {
      if (profiling && !method.equals("rollback")) {
        record(sql, start);
      }
    }
  }

  private void record(String sql, long start) {
    long[] entry = profile.computeIfAbsent(sql.length() > 160 ? sql.substring(0, 160) : sql, k -> new long[2]);
    synchronized (entry) {
      entry[0]++;
      entry[1] += System.nanoTime() - start;
    }
  }

  /** Prints the statements by the time spent in them, most first, and forgets them. */
  void printProfile(long checks) {
    if (!profiling) {
      return;
    }
    profile.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(15)
        .forEach(e -> System.out.printf("  %8.1f us/check %6.2f/check  %s%n", e.getValue()[1] / 1e3 / checks,
            (double) e.getValue()[0] / checks, e.getKey()));
    profile.clear();
  }
}
