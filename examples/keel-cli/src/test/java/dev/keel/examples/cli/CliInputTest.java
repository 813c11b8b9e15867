package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's handling of hostile and mistaken input: capped problem lists, a tab named as such, and
 * {@code --plugins} adding to the built-in plugins rather than replacing them.
 */
class CliInputTest {

  private static final String FNORD = CliRunner.example("configs/fnord.yml");

  /** 250 environments aliasing one list of 900 resources of an unknown kind. */
  static String aliasedBrokenResources() {
    StringBuilder doc = new StringBuilder("application: fnord\nbroken: &bad\n");
    for (int i = 0; i < 900; i++) {
      doc.append("- {kind: nope/thing@v1, spec: {a: ").append(i).append("}}\n");
    }
    doc.append("environments:\n");
    for (int i = 0; i < 250; i++) {
      doc.append("- {name: env").append(i).append(", resources: *bad}\n");
    }
    return doc.toString();
  }

  @Test
  void aHostileAliasDocumentPrintsTheFirstHundredProblemsAndOneLineForTheRest(@TempDir Path dir) throws Exception {
    Path hostile = Files.writeString(dir.resolve("aliases.yml"), aliasedBrokenResources());

    CliRunner.Result result = CliRunner.run("validate", hostile.toString());

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err().lines()).hasSize(101);
    assertThat(result.err().lines()).last().isEqualTo(
        "... and 1000 more problems at least (only the first 100 are listed; reading stopped there)");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void aTabInTheIndentationIsReportedAtTheTab(@TempDir Path dir) throws Exception {
    Path tabs = Files.writeString(dir.resolve("tabs.yml"), "application: fnord\nenvironments:\n- name: test\n\tresources: []\n");

    CliRunner.Result result = CliRunner.run("validate", tabs.toString());

    assertThat(result.err().lines()).containsExactly(tabs + ":4:1: A tab in the indentation: YAML indents with "
        + "spaces only; replace the tab with spaces");
  }

  @Test
  void pluginsGivenWithTheFlagAddToTheBuiltInOnes(@TempDir Path extra) {
    CliRunner.Result result = CliRunner.run("validate", "--plugins", extra.toString(), FNORD);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(Cli.OK);
    assertThat(result.out()).contains(FNORD + ": valid");
  }

  @Test
  void aMissingPluginsDirectoryIsNamed(@TempDir Path dir) {
    Path missing = dir.resolve("nope");

    CliRunner.Result result = CliRunner.run("validate", "--plugins", missing.toString(), FNORD);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err().lines()).containsExactly("keel: no plugins directory at " + missing
        + " (given with --plugins)");
  }
}
