package dev.keel.examples.cli;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spi.Simulator;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import dev.keel.titus.api.TitusCloud;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated clouds behind a fake Spinnaker: how the CLI starts one, configures the SDK's cloud plugins to talk
 * to it ({@code cloud: spinnaker} with its URLs), and hands it the clouds of the simulator plugins once the engine
 * has loaded them. The fake follows the clouds' clock, so on virtual time a task advances only as the run moves
 * time.
 */
final class FakeSpinnakerClouds {

  /** The {@code X-SPINNAKER-USER} the plugins send. */
  static final String USER = "keel@spinnaker.io";

  /** The operating systems and labels the simulated EC2 has base images of from the start. */
  private static final List<String> SIMULATED_OS = List.of("xenial", "bionic", "bionic-classic", "focal", "jammy");
  private static final List<String> SIMULATED_LABELS = List.of("release", "candidate", "previous", "unstable");

  private FakeSpinnakerClouds() {}

  /**
   * Starts a fake Spinnaker on the loopback interface, serving no cloud yet.
   *
   * @param clock the clock of the clouds it will serve
   * @param clouddriverPort Clouddriver's port, 0 for any free one
   * @param orcaPort Orca's port, 0 for any free one
   * @return the running fake
   * @throws CliException if a port is taken
   */
  static FakeSpinnaker start(Clock clock, int clouddriverPort, int orcaPort) {
    try {
      return FakeSpinnaker.builder(clock).ports(clouddriverPort, orcaPort).start();
    } catch (UncheckedIOException e) {
      throw new CliException("keel: cannot start the fake Spinnaker on 127.0.0.1 (ports " + clouddriverPort + " and "
          + orcaPort + "): " + e.getCause().getMessage() + "; pick other ports, or 0 for free ones");
    }
  }

  /**
   * The settings of the SDK's cloud plugins that make them talk to a fake Spinnaker. Spinnaker has no catalog of
   * base images (Keel read them from its configuration), so the EC2 plugin's {@code baseImages} setting lists the
   * simulated EC2's: its defaults, {@code <os>base-<label>-1} for every operating system and label it knows,
   * overlaid with those the scenario's {@code clouds.ec2.baseImages} seeds.
   *
   * @param fake the fake
   * @param scenario the scenario file's values, or an empty map without one
   * @return plugin id to settings
   */
  static Map<String, Map<String, Object>> pluginConfigs(FakeSpinnaker fake, Map<String, Object> scenario) {
    Map<String, Object> common = Map.of("cloud", "spinnaker", "clouddriverUrl", fake.clouddriverUrl().toString(),
        "orcaUrl", fake.orcaUrl().toString(), "user", USER);
    Map<String, Object> ec2 = new LinkedHashMap<>(common);
    ec2.put("baseImages", baseImages(scenario));
    return Map.of("dev.keel.ec2", Map.copyOf(ec2), "dev.keel.titus", common);
  }

  private static Map<String, Map<String, String>> baseImages(Map<String, Object> scenario) {
    Map<String, Map<String, String>> images = new TreeMap<>();
    for (String os : SIMULATED_OS) {
      for (String label : SIMULATED_LABELS) {
        images.computeIfAbsent(os, k -> new TreeMap<>()).put(label, os + "base-" + label + "-1");
      }
    }
    // Malformed entries are skipped here: seeding the simulated EC2 reports them at their line.
    if (scenario.get("clouds") instanceof Map<?, ?> clouds && clouds.get("ec2") instanceof Map<?, ?> ec2
        && ec2.get("baseImages") instanceof List<?> seeded) {
      for (Object entry : seeded) {
        if (entry instanceof Map<?, ?> m && m.get("os") instanceof String os && m.get("name") instanceof String name) {
          String label = m.get("label") instanceof String l ? l : "release";
          images.computeIfAbsent(os, k -> new TreeMap<>()).put(label, name);
        }
      }
    }
    Map<String, Map<String, String>> copy = new LinkedHashMap<>();
    images.forEach((os, labels) -> copy.put(os, Map.copyOf(labels)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Refuses a timeline that publishes a base image: over Spinnaker, the EC2 plugin's base images are its
   * {@code baseImages} setting, fixed when the run starts, so such an event could not reach it.
   *
   * @param scenario the scenario
   * @throws CliException at the event's line
   */
  static void checkTimeline(Scenario scenario) {
    for (Scenario.TimelineEvent event : scenario.timeline()) {
      if (event.action() instanceof Scenario.CloudAction a && a.cloud().equals("ec2") && a.action().equals("baseImage")) {
        throw new CliException(scenario.problem(event.path(), "ec2.baseImage cannot be played with --cloud spinnaker:"
            + " Spinnaker has no catalog of base images, the EC2 plugin reads them from its baseImages setting when"
            + " the run starts; seed the base image under clouds.ec2.baseImages, or run without --cloud spinnaker"));
      }
    }
  }

  /**
   * Lets a fake serve the EC2 and Titus the simulator plugins implement.
   *
   * @param fake the fake
   * @param simulators the engine's simulators
   * @return the names of the simulators whose clouds it serves now
   */
  static List<String> serve(FakeSpinnaker fake, List<Simulator> simulators) {
    List<String> served = new ArrayList<>();
    for (Simulator simulator : simulators) {
      if (!simulator.active()) {
        continue;
      }
      Map<Class<?>, Object> clouds = simulator.clouds();
      if (clouds.get(Ec2Cloud.class) instanceof Ec2Cloud ec2) {
        fake.serve(ec2);
        served.add(simulator.name());
      }
      if (clouds.get(TitusCloud.class) instanceof TitusCloud titus) {
        fake.serve(titus);
        served.add(simulator.name());
      }
    }
    return List.copyOf(served);
  }
}
