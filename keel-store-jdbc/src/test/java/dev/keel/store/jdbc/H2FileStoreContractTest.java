package dev.keel.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on an H2 database in a file, the embedded default. */
class H2FileStoreContractTest extends JdbcStoreContract {

  private static HikariDataSource pool;

  @BeforeAll
  static void database() throws IOException {
    Path dir = Path.of("target", "h2-contract").toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    pool = TestStores.pool("jdbc:h2:file:" + dir.resolve("keel"), 10);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Override
  DataSource dataSource() {
    return pool;
  }
}
