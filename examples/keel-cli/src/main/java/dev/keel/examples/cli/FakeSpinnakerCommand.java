package dev.keel.examples.cli;

import dev.keel.engine.EngineConfig;
import dev.keel.engine.KeelEngine;
import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.config.LocatedDocument;
import dev.keel.engine.plugin.PluginFailure;
import dev.keel.spi.Simulator;
import dev.keel.testkit.spinnaker.FakeSpinnaker;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code keel fake-spinnaker [--port N] [--scenario S]}: serves a fake Spinnaker for a host under test, Clouddriver
 * on port N and Orca on N+1 (any free ports for 0, the default), over the simulated EC2 and Titus of the simulator
 * plugins, seeded from the scenario's {@code clouds} section. Unlike {@code run}, the clouds follow the wall clock,
 * as a real Spinnaker does. It prints the URLs to configure the host's cloud plugins with and serves until the
 * process is interrupted (Ctrl-C) or, in-process, until its thread is.
 */
final class FakeSpinnakerCommand {

  private final Cli cli;

  FakeSpinnakerCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    if (!options.positionals().isEmpty()) {
      throw new UsageException("'keel fake-spinnaker' takes no arguments, got " + String.join(" ",
          options.positionals()));
    }
    int port = port(options);
    Path scenarioFile = options.path("--scenario");
    LocatedDocument doc = scenarioFile == null ? null : ScenarioReader.load(scenarioFile);
    List<Path> plugins = cli.plugins(options);
    Simulation.checkDirectories(plugins);
    KeelEngineBuilder builder = KeelEngine.builder().clock(Clock.systemUTC())
        .config(EngineConfig.builder().pluginConfigs(Simulation.SIMULATED_CLOUDS).build())
        .pluginStartDeadline(cli.pluginStartDeadline());
    plugins.forEach(builder::plugins);
    try (KeelEngine engine = builder.build()) {
      for (PluginFailure failure : engine.pluginFailures()) {
        cli.err().println("keel: warning: plugin " + failure.pluginId() + " was not loaded: " + failure.reason());
      }
      Map<String, Simulator> simulators = Simulation.activeSimulators(engine);
      if (doc != null) {
        Scenario scenario = new ScenarioReader(Simulation.actionsOf(simulators)).parse(doc);
        Simulation.seed(simulators, scenario);
        if (!scenario.timeline().isEmpty()) {
          cli.err().println("keel: warning: fake-spinnaker seeds the clouds of " + scenarioFile + " and does not play"
              + " its timeline (" + scenario.timeline().size() + " event(s)); 'keel run' plays timelines");
        }
      }
      try (FakeSpinnaker fake = FakeSpinnakerClouds.start(Clock.systemUTC(), port, port == 0 ? 0 : port + 1)) {
        List<String> served = FakeSpinnakerClouds.serve(fake, List.copyOf(simulators.values()));
        if (served.isEmpty()) {
          throw new CliException("keel: no simulated EC2 or Titus is loaded to serve: add the dev.keel.ec2-sim and"
              + " dev.keel.titus-sim plugin zips to the plugins directory");
        }
        return serve(fake, served);
      }
    }
  }

  private int serve(FakeSpinnaker fake, List<String> served) {
    cli.out().println("Fake Spinnaker serving the simulated " + String.join(" and ", served) + " on the wall clock;"
        + " interrupt (Ctrl-C) to stop.");
    cli.out().println("clouddriverUrl: " + fake.clouddriverUrl());
    cli.out().println("orcaUrl: " + fake.orcaUrl());
    cli.out().println("Configure the host's dev.keel.ec2 and dev.keel.titus plugins with cloud: spinnaker and these"
        + " two URLs; calls need the X-SPINNAKER-USER header.");
    cli.out().flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      fake.close();
      stopped.countDown();
    }, "keel-fake-spinnaker-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // The stop signal of an in-process run: the fake and the engine close normally below.
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; it stops the fake itself
      }
    }
    cli.out().println("Fake Spinnaker stopped.");
    return Cli.OK;
  }

  private static int port(Options options) {
    String value = options.value("--port");
    if (value == null) {
      return 0;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65534) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new UsageException("--port takes a port between 0 and 65534 (Orca listens on the next one; 0 picks free"
          + " ports), not '" + value + "'");
    }
  }
}
