package dev.keel.titus.it;

import static dev.keel.testkit.PluginZipVariant.FAILING_START_PLUGIN;
import static dev.keel.testkit.PluginZipVariant.FAULTS;
import static dev.keel.testkit.PluginZipVariant.FAULTY_HANDLER;
import static dev.keel.testkit.PluginZipVariant.HANGING_START_PLUGIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.plan.PlannedAction;
import dev.keel.engine.plan.ResolverApplication;
import dev.keel.engine.plan.ResourcePlan;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.ResourceKind;
import dev.keel.testkit.EngineHarness;
import dev.keel.testkit.PluginZipVariant;
import dev.keel.testkit.PluginZips;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The production plugin zips (EC2, Titus, resolvers) load from disk beside bad plugins, variants of
 * keel-test-plugin's zip that hang, throw or claim names they cannot have: each bad plugin is one line in
 * {@link KeelEngine#pluginFailures()} naming it and its zip, and is skipped; the real plugins' kinds and
 * resolvers serve a config using both clouds; no expanded zip outlives the engine. The hangs are cut by a
 * short plugin start deadline, which their failures name, so the engine is built without waiting on them.
 */
class BadPluginsBesideTheRealPluginsTest {

  /**
   * Short, so each hang costs seconds rather than the default's 30; yet not one second: on a machine loaded by
   * parallel builds a healthy extension's first construction (cold class loading and reflection) once took longer.
   */
  private static final Duration START_DEADLINE = Duration.ofSeconds(5);
  private static final String MISSED = "did not return within the plugin start deadline of "
      + START_DEADLINE.toMillis() + " ms";
  private static final String EC2_CLUSTER = "ec2:cluster:test:fnord-vm";
  private static final String TITUS_CLUSTER = "titus:cluster:test:fnord-container";
  /** Proves the resolvers plugin is loaded: its policy resolver applies this rule to the EC2 cluster. */
  private static final Map<String, Object> POLICIES = Map.of("policies", List.of(Map.of("name", "bigger-vms",
      "select", Map.of("kind", "ec2/cluster"),
      "replace", Map.of("path", "/launchConfiguration/instanceType", "from", "m5.large", "to", "m5.xlarge"))));

  /** Names unique to this run, so that the expanded zips found in the shared temp directory are this test's. */
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @TempDir Path plugins;
  /** A second plugins directory, as the CLI's --plugins adds to its built-in one: its plugins own nothing yet. */
  @TempDir Path added;

  /** Where a bad plugin goes, and what it looks like. */
  private record Placed(Path plugins, Path added, Path testPlugin, String run) {
    Path zip(Path dir, String name) {
      return dir.resolve(name + "-" + run + ".zip");
    }

    PluginZipVariant faulty(String id, String faults) {
      return PluginZipVariant.of(testPlugin).id(id).extensions(FAULTY_HANDLER).resource(FAULTS, faults);
    }
  }

  /** The bad plugins of issue 14 item 7; each writes its zips and says the failures the engine must report. */
  enum Fault {
    HANGING_START {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = PluginZipVariant.of(at.testPlugin()).id("hanging-start").descriptor("plugin.class", HANGING_START_PLUGIN)
            .writeTo(at.zip(at.plugins(), "hanging-start"));
        return List.of(new PluginFailure("hanging-start", zip, "failed to start: its constructor or start() " + MISSED));
      }
    },
    HANGING_EXTENSION_CONSTRUCTOR {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = at.faulty("hanging-constructor", "constructor=hang\n")
            .writeTo(at.zip(at.plugins(), "hanging-constructor"));
        return List.of(new PluginFailure("hanging-constructor", zip, "extension " + FAULTY_HANDLER + " could not be "
            + "constructed: its constructor " + MISSED));
      }
    },
    TWO_PLUGINS_CLAIMING_ONE_KIND {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path a = at.faulty("gadgets-a", "supportedKind=test/gadget@v1\n").writeTo(at.zip(at.plugins(), "gadgets-a"));
        Path b = at.faulty("gadgets-b", "supportedKind=test/gadget@v1\n").writeTo(at.zip(at.plugins(), "gadgets-b"));
        String both = "the resource kind 'test/gadget@v1' is claimed by both plugin 'gadgets-a' (" + FAULTY_HANDLER
            + ") and plugin 'gadgets-b' (" + FAULTY_HANDLER + "): both are skipped; remove or disable one";
        return List.of(new PluginFailure("gadgets-a", a, both), new PluginFailure("gadgets-b", b, both));
      }
    },
    CLAIMING_A_KIND_THE_EC2_PLUGIN_OWNS {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = at.faulty("usurper", "supportedKind=ec2/cluster@v1.1\n").writeTo(at.zip(at.added(), "usurper"));
        return List.of(new PluginFailure("usurper", zip, "claims the resource kind 'ec2/cluster@v1.1', which plugin "
            + "'dev.keel.ec2' (dev.keel.ec2.handler.Ec2ClusterHandler) already owns; remove or disable this plugin"));
      }
    },
    SUPPORTED_KIND_THROWS {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = at.faulty("throwing-kind", "supportedKind=throw\n").writeTo(at.zip(at.plugins(), "throwing-kind"));
        return List.of(new PluginFailure("throwing-kind", zip, "extension " + FAULTY_HANDLER + ": its supportedKind() "
            + "threw java.lang.IllegalStateException: kind registry offline"));
      }
    },
    SUPPORTED_KIND_RETURNS_NULL {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = at.faulty("null-kind", "supportedKind=null\n").writeTo(at.zip(at.plugins(), "null-kind"));
        return List.of(new PluginFailure("null-kind", zip, "extension " + FAULTY_HANDLER + ": its supportedKind() "
            + "returned null"));
      }
    },
    START_THROWS {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = PluginZipVariant.of(at.testPlugin()).id("failing-start").descriptor("plugin.class", FAILING_START_PLUGIN)
            .writeTo(at.zip(at.plugins(), "failing-start"));
        return List.of(new PluginFailure("failing-start", zip,
            "failed to start: java.lang.IllegalStateException: widget backend unreachable"));
      }
    },
    NO_DESCRIPTOR {
      @Override
      List<PluginFailure> write(Placed at) throws IOException {
        Path zip = PluginZipVariant.of(at.testPlugin()).withoutDescriptor().writeTo(at.zip(at.plugins(), "no-descriptor"));
        // Without a descriptor the plugin is known by its file name.
        return List.of(new PluginFailure("no-descriptor-" + at.run(), zip, "has no valid plugin descriptor "
            + "(plugin.properties or MANIFEST.MF Plugin-* entries): it holds neither a plugin.properties with "
            + "plugin.id nor a MANIFEST.MF with Plugin-Id"));
      }
    };

    /** Writes this fault's zips and returns the failures they must be reported as. */
    abstract List<PluginFailure> write(Placed at) throws IOException;
  }

  /** The zips' names without {@code .zip}, for finding their expansions. */
  private final List<String> zipNames = new ArrayList<>();

  private List<PluginFailure> place(Set<Fault> faults) throws IOException {
    for (String artifact : List.of("keel-handlers-ec2", "keel-ec2-sim", "keel-handlers-titus", "keel-titus-sim",
        "keel-resolvers")) {
      Path zip = Files.copy(PluginZips.find(artifact), plugins.resolve(artifact + "-" + run + ".zip"));
      zipNames.add(baseName(zip));
    }
    Placed at = new Placed(plugins, added, PluginZips.find("keel-test-plugin"), run);
    List<PluginFailure> expected = new ArrayList<>();
    for (Fault fault : faults) {
      expected.addAll(fault.write(at));
    }
    expected.forEach(f -> zipNames.add(baseName(f.path())));
    return expected;
  }

  private static String baseName(Path zip) {
    String name = zip.getFileName().toString();
    return name.substring(0, name.length() - ".zip".length());
  }

  private EngineHarness engine() {
    EngineConfig config = EngineConfig.builder().checkInterval(Duration.ofMinutes(1))
        .pluginConfigs(PluginZips.simulatedClouds()).build();
    return EngineHarness.builder().config(config).engine(b -> b.plugins(plugins).plugins(added)
        .pluginStartDeadline(START_DEADLINE).pluginConfig("dev.keel.resolvers", POLICIES)).build();
  }

  private List<Path> expansions() {
    return zipNames.stream().flatMap(name -> PluginZips.expansionsOf(name).stream()).toList();
  }

  /** Each failure is one line naming the plugin and the user's zip: no stack trace, no expanded copy's path. */
  private static void assertOneLineEach(List<PluginFailure> failures) {
    assertThat(failures).allSatisfy(f -> assertThat(f.toString())
        .startsWith("plugin '" + f.pluginId() + "' (" + f.path() + "): ")
        .doesNotContain("\n", "\r", "keel-plugins-", "\tat ", "at dev.", "at org.", "at java."));
  }

  private static void assertTheRealPluginsServe(KeelEngine engine, EngineHarness harness) {
    assertThat(engine.registry().kinds()).contains(ResourceKind.parse("ec2/cluster@v1.1"),
        ResourceKind.parse("ec2/security-group@v1"), ResourceKind.parse("titus/cluster@v1"));
    assertThat(engine.registry().kind(ResourceKind.parse("ec2/cluster@v1.1")).orElseThrow().specClass().getName())
        .isEqualTo("dev.keel.ec2.api.spec.Ec2ClusterSpec");
    assertThat(engine.registry().verification("test-container")).isPresent();

    DeliveryConfig delivery = engine.configReader().read(Ec2AndTitusPluginZipsTest.CONFIG, "fnord.yml");
    var plan = Ec2AndTitusPluginZipsTest.plan(harness, delivery);
    ResourcePlan ec2 = plan.resource(EC2_CLUSTER).orElseThrow();
    ResourcePlan titus = plan.resource(TITUS_CLUSTER).orElseThrow();
    assertThat(ec2.action()).as("%s", ec2).isEqualTo(PlannedAction.CREATE);
    assertThat(titus.action()).as("%s", titus).isEqualTo(PlannedAction.CREATE);
    assertThat(ec2.resolvers()).extracting(ResolverApplication::resolver).contains("policy");
    assertThat(ec2.resolvers().stream().filter(r -> r.resolver().equals("policy")).findFirst().orElseThrow()
        .changes()).isNotEmpty();
  }

  // Guards the build only (the deadline under test is a few seconds per hang): a hang that escaped it would
  // otherwise hold the whole module until surefire's fork timeout.
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void everyBadPluginTogetherIsReportedInOneLineAndSkippedWhileTheRealPluginsLoadAndPlan() throws IOException {
    List<PluginFailure> expected = place(EnumSet.allOf(Fault.class));

    try (EngineHarness harness = engine()) {
      KeelEngine engine = harness.engine();

      assertThat(engine.pluginFailures()).containsExactlyInAnyOrderElementsOf(expected);
      assertOneLineEach(engine.pluginFailures());
      assertTheRealPluginsServe(engine, harness);
      assertThat(expansions()).as("the real plugins' zips are expanded while the engine is open")
          .extracting(p -> p.getFileName().toString())
          .anySatisfy(n -> assertThat(n).startsWith("keel-handlers-ec2-" + run + "-"))
          .anySatisfy(n -> assertThat(n).startsWith("keel-handlers-titus-" + run + "-"))
          .anySatisfy(n -> assertThat(n).startsWith("keel-resolvers-" + run + "-"));
    }

    assertThat(expansions()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Fault.class)
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void eachBadPluginAloneIsReportedAndSkippedWhileTheRealPluginsLoad(Fault fault) throws IOException {
    List<PluginFailure> expected = place(EnumSet.of(fault));

    try (EngineHarness harness = engine()) {
      KeelEngine engine = harness.engine();

      assertThat(engine.pluginFailures()).containsExactlyInAnyOrderElementsOf(expected);
      assertOneLineEach(engine.pluginFailures());
      assertTheRealPluginsServe(engine, harness);
    }

    assertThat(expansions()).isEmpty();
  }
}
