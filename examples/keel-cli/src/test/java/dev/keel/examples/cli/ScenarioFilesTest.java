package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files are read strictly, and every problem is reported as FILE:LINE:COL, all at once. */
class ScenarioFilesTest {

  private static final String CONFIG = CliRunner.example("configs/fnord.yml");

  @TempDir
  Path dir;

  private String scenario(String text) throws IOException {
    Path file = dir.resolve("scenario.yml");
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void everyProblemOfAScenarioIsReportedWithItsLineAndColumnAndNothingRuns() throws IOException {
    String file = scenario("""
        start: monday
        clouds:
          azure: {}
        timeline:
        - at: soon
          publish: {artifact: fnord, version: 1.0.0}
        - at: 1h
          judge: {environment: production, artifact: fnord, version: 1.0.0, decision: maybe}
        - at: 2h
          ec2.explode: {}
        - at: 3h
          publish: {artifact: fnord}
          veto: {environment: test, artifact: fnord, version: 1.0.0}
        - at: 4h
          deploy: {}
        """);

    CliRunner.Result result = CliRunner.run("run", CONFIG, "--scenario", file);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines().toList()).containsExactlyInAnyOrder(
        file + ":1:1: '" + "monday' is not an instant: write it like 2026-01-05T09:00:00Z (at start)",
        file + ":3:3: unknown cloud 'azure'; the loaded plugins simulate ec2, titus (at clouds.azure)",
        file + ":5:3: 'soon' is not a duration: write it like 90s, 30m, 2h, 1d, 1h30m or ISO-8601 PT30M (at timeline[0].at)",
        file + ":8:69: expected 'approve' or 'reject', got 'maybe' (at timeline[1].judge.decision)",
        file + ":10:3: cloud ec2 has no action 'explode'; it has " + ec2Actions() + " (at timeline[2][\"ec2.explode\"])",
        file + ":11:3: one action per event, found [publish, veto] (at timeline[3])",
        file + ":15:3: unknown action 'deploy'; expected one of " + allActions() + " (at timeline[4].deploy)");
  }

  @Test
  void aYamlSyntaxErrorIsReportedWhereItIs() throws IOException {
    String file = scenario("timeline:\n- at: 1h\n  publish: {artifact: fnord\n");

    CliRunner.Result result = CliRunner.run("plan", CONFIG, "--scenario", file);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err()).startsWith(file + ":3:28: Syntax error");
    assertThat(result.err()).doesNotContain("at com.fasterxml");
  }

  @Test
  void aMissingScenarioFileIsOneLine() {
    CliRunner.Result result = CliRunner.run("run", CONFIG, "--scenario", dir.resolve("nope.yml").toString());

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err()).isEqualTo(dir.resolve("nope.yml") + ":0:0: no such file" + System.lineSeparator());
  }

  @Test
  void aTimelineEventTheEngineRefusesNamesItsLine() throws IOException {
    String file = scenario("""
        timeline:
        - at: 0s
          publish: {artifact: fnord, version: 1.0.0-h1.c0ffee1}
        - at: 1m
          pin: {environment: qa, artifact: fnord, version: 1.0.0-h1.c0ffee1}
        """);

    CliRunner.Result result = CliRunner.run("run", CONFIG, "--scenario", file);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err().strip()).startsWith(file + ":5:3: ").contains("no environment named qa");
  }

  @Test
  void aSimulatorsComplaintAboutItsSectionIsPlacedAtTheValueItNames() throws IOException {
    String file = scenario("""
        clouds:
          ec2:
            serverGroups:
            - account: test
              region: us-west-2
              cluster: fnord-main
              appVersion: fnord-1.0.0-h1.c0ffee1
              capacity: {min: 1, max: 1, desired: lots}
        """);

    CliRunner.Result result = CliRunner.run("plan", CONFIG, "--scenario", file);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err().strip()).startsWith(file + ":8:34: serverGroups[0].capacity.desired: ")
        .contains("whole number");
  }

  @Test
  void aCloudActionsBadArgumentNamesTheAction() throws IOException {
    String file = scenario("""
        timeline:
        - at: 10m
          ec2.fail: {operation: createServerGroup, count: several}
        """);

    CliRunner.Result result = CliRunner.run("run", CONFIG, "--scenario", file);

    assertThat(result.exitCode()).isEqualTo(Cli.ERROR);
    assertThat(result.err().strip()).startsWith(file + ":3:").contains("count");
  }

  private static String ec2Actions() {
    return actionsOf("ec2");
  }

  private static String actionsOf(String cloud) {
    try (Simulation sim = Simulation.open(CliRunner.PLUGINS, Scenario.DEFAULT_START, System.err)) {
      return String.join(", ", new java.util.TreeSet<>(sim.cloudActions().get(cloud)));
    }
  }

  private static String allActions() {
    try (Simulation sim = Simulation.open(CliRunner.PLUGINS, Scenario.DEFAULT_START, System.err)) {
      var all = new java.util.TreeSet<>(java.util.Set.of("publish", "judge", "pin", "unpin", "veto", "unveto",
          "pause", "resume"));
      sim.cloudActions().forEach((cloud, actions) -> actions.forEach(a -> all.add(cloud + "." + a)));
      return String.join(", ", all);
    }
  }
}
