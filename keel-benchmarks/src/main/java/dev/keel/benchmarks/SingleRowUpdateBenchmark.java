package dev.keel.benchmarks;

import dev.keel.testkit.db.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
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

/**
 * The floor to compare the JDBC store with: a JDBC loop of single-row updates, each its own transaction
 * ({@code UPDATE ... SET v = v + 1 WHERE id = ?} in auto-commit), at random among 10,000 rows of a PostgreSQL
 * table on the same kind of throwaway server. One connection per JMH thread ({@code -t}).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class SingleRowUpdateBenchmark {

  @Param({"10000"})
  int rows;

  TestDatabase db;

  @Setup(Level.Trial)
  public void seed() throws SQLException {
    db = BenchmarkDatabases.postgres();
    try (Connection c = db.connect(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bench_row (id INT PRIMARY KEY, v BIGINT NOT NULL)");
      s.execute("INSERT INTO bench_row SELECT g, 0 FROM generate_series(1, " + rows + ") g");
    }
  }

  /** One connection and its statement. */
  @State(Scope.Thread)
  public static class Client {
    Connection connection;
    PreparedStatement update;
    final SplittableRandom random = new SplittableRandom(17);

    @Setup(Level.Trial)
    public void open(SingleRowUpdateBenchmark b) throws SQLException {
      connection = b.db.connect();
      update = connection.prepareStatement("UPDATE bench_row SET v = v + 1 WHERE id = ?");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
      connection.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 3)
  @Measurement(iterations = 5, time = 3)
  public int update(Client client, SingleRowUpdateBenchmark b) throws SQLException {
    client.update.setInt(1, 1 + client.random.nextInt(b.rows));
    return client.update.executeUpdate();
  }
}
