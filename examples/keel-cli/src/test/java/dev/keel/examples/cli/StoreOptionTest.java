package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --store}: a URL that is not one, or that no driver takes, is a one-line error and exit code 1, and so is
 * what the engine refuses against what the store already holds.
 */
class StoreOptionTest {

  private static final String FNORD = CliRunner.example("configs/fnord.yml");

  @Test
  void aStoreThatIsNotAJdbcUrlIsRefusedBeforeAnythingRuns() {
    CliRunner.Result result = CliRunner.run("run", FNORD, "--store", "./keel-data/keel");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("keel: --store './keel-data/keel' is not a JDBC URL; give one such as "
        + "jdbc:h2:file:./keel-data/keel");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aJdbcUrlNoDriverTakesNamesTheMissingDriver() {
    CliRunner.Result result = CliRunner.run("status", "--store", "jdbc:nosuchdb://localhost/keel");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("keel: --store jdbc:nosuchdb://localhost/keel: no JDBC driver for "
        + "'jdbc:nosuchdb' on the class path").doesNotContain("Exception");
  }

  @Test
  void statusNeedsAStore() {
    CliRunner.Result result = CliRunner.run("status");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'keel status' needs --store URL");
  }

  @Test
  void statusOfAnEmptyButExistingStoreSaysNothingIsStored(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("keel");
    CliRunner.Result made = CliRunner.run("run", CliRunner.example("configs/invalid/wrong-resource-kind.yml"),
        "--store", url);
    assertThat(made.exitCode()).isEqualTo(1);

    CliRunner.Result result = CliRunner.run("status", "--store", url);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("No delivery config is stored at " + url + "." + System.lineSeparator());
  }

  @Test
  void aConfigClaimingResourcesAStoredConfigManagesIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("keel");
    CliRunner.Result first = CliRunner.run("run", FNORD, "--store", url, "--max-time", "1m");
    assertThat(first.exitCode()).as(first.err()).isEqualTo(Cli.TIMED_OUT);
    Path other = Files.writeString(dir.resolve("other.yml"),
        Files.readString(Path.of(FNORD)).replace("application: fnord\n", "application: fnord-copy\n"));

    CliRunner.Result second = CliRunner.run("run", other.toString(), "--store", url, "--max-time", "1m");

    assertThat(second.exitCode()).isEqualTo(1);
    assertThat(second.err()).startsWith("keel: Resource ")
        .contains("is already managed by delivery config 'fnord-manifest'").doesNotContain("internal error");
  }
}
