package dev.keel.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.keel.testkit.PluginZipVariant;
import dev.keel.testkit.PluginZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keel CLI run as a process from its packaged jar, as a user runs it: every command's exit codes, the JSON
 * it prints, Keel's example configs, a bad file, bad plugins given with --plugins, and the release scenario.
 */
class KeelCliIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FNORD = KeelProcess.example("configs/fnord.yml");
  private static final String TEMPLATED = KeelProcess.example("configs/fnord-templated.yml");
  private static final String RELEASE = KeelProcess.example("scenarios/release.yml");
  private static final String EXISTING_CLOUD = KeelProcess.example("scenarios/existing-cloud.yml");

  @Test
  void validateAcceptsEveryExampleConfigIncludingKeelsOwn() throws Exception {
    List<String> args = new ArrayList<>(List.of("validate", FNORD, TEMPLATED));
    try (Stream<Path> files = Files.list(Path.of(KeelProcess.example("configs/keel")))) {
      files.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(f -> args.add(f.toString()));
    }
    assertThat(args).hasSizeGreaterThan(12);

    KeelProcess.Result result = KeelProcess.run(args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    assertThat(result.out().lines()).hasSize(args.size() - 1).allMatch(l -> l.contains(": valid (application "));
  }

  @Test
  void renderPrintsTheTemplatedExampleAsTheThreeEnvironmentExample() throws Exception {
    KeelProcess.Result result = KeelProcess.run("render", TEMPLATED);

    assertThat(result.exitCode()).as(result.err()).isZero();
    YAMLMapper yaml = new YAMLMapper();
    assertThat(TemplatedExampleTest.normalised(yaml.readTree(result.out())))
        .isEqualTo(TemplatedExampleTest.normalised(yaml.readTree(Path.of(FNORD).toFile())));
  }

  @Test
  void validateReportsABadFileAsFileLineColumnAndExitsOne() throws Exception {
    String bad = KeelProcess.example("configs/invalid/wrong-resource-kind.yml");

    KeelProcess.Result result = KeelProcess.run("validate", FNORD, bad);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(FNORD + ": valid");
    assertThat(result.err().lines()).isNotEmpty()
        .allMatch(l -> l.matches(java.util.regex.Pattern.quote(bad) + ":\\d+:\\d+: .+"), "FILE:LINE:COL: message")
        .anyMatch(l -> l.contains("fits ec2/security-group@v1: is the kind wrong?"));
    assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aHostileAliasDocumentPrintsAtMostAHundredAndOneLinesWithinASmallHeap(@TempDir Path dir) throws Exception {
    Path hostile = Files.writeString(dir.resolve("aliases.yml"), CliInputTest.aliasedBrokenResources());

    KeelProcess.Result result = KeelProcess.runWithJvmOptions(List.of("-Xmx64m"), "validate", hostile.toString());

    assertThat(result.exitCode()).as(result.err()).isEqualTo(1);
    assertThat(result.err().lines()).hasSizeBetween(2, 101)
        .last().asString().startsWith("... and 1000 more problems at least");
    assertThat(result.err()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
  }

  @Test
  void badPluginsGivenWithTheFlagAreOneWarningEachAndTheConfigStillValidates(@TempDir Path extra) throws Exception {
    Path testPlugin = PluginZips.find("keel-test-plugin");
    String run = UUID.randomUUID().toString().substring(0, 8);
    String noDescriptor = "no-descriptor-" + run;
    String failingStart = "failing-start-" + run;
    PluginZipVariant.of(testPlugin).withoutDescriptor().writeTo(extra.resolve(noDescriptor + ".zip"));
    PluginZipVariant.of(testPlugin).id("failing-start").descriptor("plugin.class", PluginZipVariant.FAILING_START_PLUGIN)
        .writeTo(extra.resolve(failingStart + ".zip"));

    KeelProcess.Result result = KeelProcess.run("validate", FNORD, "--plugins", extra.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(FNORD + ": valid (application fnord");
    assertThat(result.err().lines()).containsExactlyInAnyOrder(
        "keel: warning: plugin failing-start was not loaded: failed to start: "
            + "java.lang.IllegalStateException: widget backend unreachable",
        "keel: warning: plugin " + noDescriptor + " was not loaded: has no valid plugin descriptor (plugin.properties "
            + "or MANIFEST.MF Plugin-* entries): it holds neither a plugin.properties with plugin.id nor a MANIFEST.MF "
            + "with Plugin-Id");
    assertThat(result.err()).doesNotContain("at dev.", "\tat ", "Exception in thread", "keel-plugins-");
    assertThat(PluginZips.expansionsOf(failingStart)).isEmpty();
    assertThat(PluginZips.expansionsOf(noDescriptor)).isEmpty();
  }

  @Test
  void validateWithoutFilesOrWithAnUnknownFlagIsAUsageErrorExitingTwo() throws Exception {
    KeelProcess.Result none = KeelProcess.run("validate");
    KeelProcess.Result flag = KeelProcess.run("validate", "--strict", FNORD);

    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err()).contains("needs at least one FILE");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).contains("no flag --strict");
  }

  @Test
  void planPrintsJsonAndExitsTwoWhileChangesArePending() throws Exception {
    KeelProcess.Result result = KeelProcess.run("plan", FNORD, "--json");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    JsonNode plan = JSON.readTree(result.out());
    Map<String, JsonNode> byId = new HashMap<>();
    plan.get("resources").forEach(r -> byId.put(r.get("id").asText(), r));
    assertThat(byId).hasSize(9);
    JsonNode sg = byId.get("ec2:security-group:test:fnord");
    assertThat(sg.get("kind").asText()).isEqualTo("ec2/security-group@v1");
    assertThat(sg.get("status").asText()).isNotEmpty();
    assertThat(sg.get("operations")).hasSize(2);
    assertThat(sg.get("operations").get(0).get("type").asText()).isEqualTo("upsertSecurityGroup");
    assertThat(sg.get("operations").get(0).get("description").asText()).contains("Create security group fnord");
    assertThat(sg.get("changes")).isNotEmpty();
    JsonNode change = sg.get("changes").get(0);
    assertThat(change.has("op") && change.has("path") && change.has("desired") && change.has("current")).isTrue();
    JsonNode titus = byId.get("titus:cluster:test:fnord-api");
    assertThat(titus.get("resolvers")).extracting(r -> r.get("name").asText()).contains("artifact-version");
  }

  @Test
  void planExitsZeroWhenTheSeededCloudAlreadyMatchesTheConfig(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("sg.yml");
    Files.writeString(config, """
        application: fnord
        serviceAccount: delivery@example.com
        environments:
        - name: test
          locations: {account: test, regions: [{name: us-east-1}]}
          resources:
          - kind: ec2/security-group@v1
            spec:
              moniker: {app: fnord}
              description: Application security group for fnord
              inboundRules:
              - {protocol: tcp, portRange: {startPort: 7001, endPort: 7002}}
        """);
    Path scenario = dir.resolve("existing-sg.yml");
    Files.writeString(scenario, """
        clouds:
          ec2:
            securityGroups:
            - name: fnord
              account: test
              region: us-east-1
              description: Application security group for fnord
              inboundRules:
              - {protocol: tcp, portRange: {startPort: 7001, endPort: 7002}}
        """);

    KeelProcess.Result inSync = KeelProcess.run("plan", config.toString(), "--scenario", scenario.toString());
    KeelProcess.Result missing = KeelProcess.run("plan", config.toString(), "--json");

    assertThat(inSync.exitCode()).as(inSync.out() + inSync.err()).isZero();
    assertThat(inSync.out()).contains("ec2:security-group:test:fnord  [ec2/security-group@v1]  NONE, HAPPY")
        .contains("Everything is in sync.");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(JSON.readTree(missing.out()).get("resources").get(0).get("action").asText()).isEqualTo("CREATE");
  }

  @Test
  void runConvergesTheThreeEnvironmentConfigWithTheVersionCurrentEverywhere() throws Exception {
    KeelProcess.Result result = KeelProcess.run("run", FNORD, "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode run = JSON.readTree(result.out());
    assertThat(run.get("converged").asBoolean()).isTrue();
    assertThat(run.get("environments")).extracting(e -> e.get("name").asText())
        .containsExactly("test", "staging", "production");
    for (JsonNode env : run.get("environments")) {
      assertThat(env.get("resources")).allSatisfy(r -> assertThat(r.get("status").asText()).as(r.get("id").asText())
          .isEqualTo("HAPPY"));
      Map<String, String> current = currentVersions(env);
      assertThat(current).as(env.get("name").asText())
          .containsEntry("fnord", "fnord-1.0.0-h1.c0ffee1").containsEntry("fnord-api", "1.0.0");
    }
    assertThat(run.get("progress")).anySatisfy(l -> assertThat(l.get("message").asText()).contains("Baked"));
  }

  @Test
  void runPrintsProgressAndAFinalTable() throws Exception {
    KeelProcess.Result result = KeelProcess.run("run", FNORD, "--until-converged");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("T+00:00:00").contains("is CURRENT").contains("approved")
        .contains("ENVIRONMENT  RESOURCE").contains("Converged at T+");
    assertThat(result.out().lines().filter(l -> l.startsWith("production ") && l.contains("HAPPY")).count())
        .isEqualTo(3);
  }

  @Test
  void runExitsThreeWhenMaxTimePassesFirst() throws Exception {
    KeelProcess.Result result = KeelProcess.run("run", FNORD, "--until-converged", "--max-time", "5m");

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).contains("Not converged after 00:05:00");
  }

  @Test
  void theReleaseScenarioEndsWithTheExpectedVersionsPerEnvironment() throws Exception {
    KeelProcess.Result result = KeelProcess.run("run", FNORD, "--scenario", RELEASE, "--until-converged",
        "--json");

    assertThat(result.exitCode()).as(result.err() + result.out()).isZero();
    JsonNode run = JSON.readTree(result.out());
    Map<String, Map<String, String>> current = new HashMap<>();
    Map<String, JsonNode> byName = new HashMap<>();
    for (JsonNode env : run.get("environments")) {
      current.put(env.get("name").asText(), currentVersions(env));
      byName.put(env.get("name").asText(), env);
    }
    assertThat(current.get("test")).containsEntry("fnord", "fnord-1.1.0-h2.d00d1e2").containsEntry("fnord-api", "1.1.0");
    assertThat(current.get("staging")).containsEntry("fnord", "fnord-1.1.0-h2.d00d1e2").containsEntry("fnord-api", "1.0.0");
    assertThat(current.get("production")).containsEntry("fnord", "fnord-1.0.0-h1.c0ffee1").containsEntry("fnord-api", "1.0.0");
    assertThat(status(byName.get("staging"), "fnord-api", "1.1.0")).isEqualTo("VETOED");
    assertThat(byName.get("production").get("artifacts")).anySatisfy(a -> {
      assertThat(a.get("reference").asText()).isEqualTo("fnord");
      assertThat(a.get("versions")).anySatisfy(v -> {
        assertThat(v.get("version").asText()).isEqualTo("fnord-1.1.0-h2.d00d1e2");
        assertThat(v.get("constraints")).anySatisfy(c -> assertThat(c.get("status").asText())
            .isEqualTo("OVERRIDE_FAIL"));
      });
    });
    for (JsonNode env : run.get("environments")) {
      assertThat(env.get("resources")).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("HAPPY"));
    }
    assertThat(run.get("progress")).anySatisfy(l -> assertThat(l.get("message").asText())
        .startsWith("task failed").contains("InsufficientInstanceCapacity"));
  }

  @Test
  void exportPrintsTheExampleScenariosExistingClusterAsYamlWithoutDefaults() throws Exception {
    KeelProcess.Result result = KeelProcess.run("export", "ec2/cluster", "fnord-main", "--account", "test",
        "--scenario", EXISTING_CLOUD);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("kind: ec2/cluster@v1.1").contains("spec:").contains("app: fnord")
        .contains("instanceType: m5.large");
    assertThat(result.out()).doesNotContain("null").doesNotContain(": []").doesNotContain(": {}");
  }

  @Test
  void theTextPlanNamesEveryChangedPathInFull() throws Exception {
    KeelProcess.Result result = KeelProcess.run("plan", FNORD);

    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    List<String> changeLines = result.out().lines().filter(l -> l.matches("\\s{6}[+~-] .*")).toList();
    assertThat(changeLines).isNotEmpty().allSatisfy(l -> {
      assertThat(l.trim()).as("a change line names its path").matches("[+~-] /\\S+.*");
      assertThat(l).as("values are not cut").doesNotEndWith("...");
    });
  }

  @Test
  void aRejectedVersionReadsRejectedNotPendingInTheFinalTable() throws Exception {
    KeelProcess.Result result = KeelProcess.run("run", FNORD, "--scenario", RELEASE, "--until-converged");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String production = result.out().lines().filter(l -> l.startsWith("production ") && l.contains("fnord-1.1.0"))
        .filter(l -> l.contains("h2.d00d1e2")).findFirst().orElseThrow(() -> new AssertionError(result.out()));
    assertThat(production).contains("fnord-1.1.0-h2.d00d1e2 REJECTED (manual-judgement)")
        .doesNotContain("h2.d00d1e2 PENDING");
  }

  @Test
  void identicalRunsPrintIdenticalLines() throws Exception {
    KeelProcess.Result first = KeelProcess.run("run", FNORD, "--scenario", RELEASE, "--until-converged");
    KeelProcess.Result second = KeelProcess.run("run", FNORD, "--scenario", RELEASE, "--until-converged");

    assertThat(first.exitCode()).as(first.err()).isZero();
    // The last line reports wall-clock seconds; everything on virtual time must be the same.
    assertThat(withoutWallClock(second.out())).isEqualTo(withoutWallClock(first.out()));
  }

  private static List<String> withoutWallClock(String out) {
    return out.lines().map(l -> l.replaceAll("in \\d+\\.\\d s\\.$", "in N s.")).toList();
  }

  @Test
  void exportOfSomethingThatDoesNotExistIsAMessageAndExitOne() throws Exception {
    KeelProcess.Result result = KeelProcess.run("export", "ec2/cluster", "fnord-nothing", "--account", "test");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("keel: cannot export ec2/cluster@v1.1 fnord-nothing in test")
        .doesNotContain("\tat ");
  }

  @Test
  void badFlagsAndCommandsAreMessagesWithoutStackTraces() throws Exception {
    KeelProcess.Result unknown = KeelProcess.run("deploy", FNORD);
    KeelProcess.Result flag = KeelProcess.run("run", FNORD, "--max-time", "forever");
    KeelProcess.Result missing = KeelProcess.run("plan", "no/such/file.yml");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown command 'deploy'");
    assertThat(flag.exitCode()).isEqualTo(1);
    assertThat(flag.err()).contains("'forever' is not a duration");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).startsWith("no/such/file.yml:");
    for (KeelProcess.Result r : List.of(unknown, flag, missing)) {
      assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }
  }

  private static Map<String, String> currentVersions(JsonNode env) {
    Map<String, String> current = new HashMap<>();
    for (JsonNode a : env.get("artifacts")) {
      current.put(a.get("reference").asText(), a.get("current").isNull() ? null : a.get("current").asText());
    }
    return current;
  }

  private static String status(JsonNode env, String artifact, String version) {
    for (JsonNode a : env.get("artifacts")) {
      if (a.get("reference").asText().equals(artifact)) {
        for (JsonNode v : a.get("versions")) {
          if (v.get("version").asText().equals(version)) {
            return v.get("status").asText();
          }
        }
      }
    }
    return null;
  }
}
