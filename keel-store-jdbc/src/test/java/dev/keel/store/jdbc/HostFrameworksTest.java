package dev.keel.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing the store ships is picked up by what a host runs at start-up: Flyway's and Liquibase's default locations
 * and Spring Boot's SQL initialisation scripts stay empty, and every script lives under the store's own package.
 */
class HostFrameworksTest {

  @Test
  void noResourceSitsWhereFlywayLiquibaseOrSpringBootLook() throws IOException, URISyntaxException {
    Path shipped = Path.of(JdbcKeelStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (FileSystem jar = Files.isDirectory(shipped) ? null : FileSystems.newFileSystem(shipped)) {
      Path root = jar == null ? shipped : jar.getPath("/");
      for (String path : List.of("db/migration", "db/changelog", "schema.sql", "data.sql", "schema-all.sql")) {
        assertThat(Files.exists(root.resolve(path))).as(path).isFalse();
      }
      try (Stream<Path> files = Files.walk(root)) {
        assertThat(files.filter(p -> p.toString().endsWith(".sql")).map(p -> root.relativize(p).toString()))
            .hasSize(3 * Migrator.SCRIPTS.size()).allMatch(p -> p.startsWith("dev/keel/store/jdbc/schema/"));
      }
    }
  }
}
