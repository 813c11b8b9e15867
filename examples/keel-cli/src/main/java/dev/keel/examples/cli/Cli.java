package dev.keel.examples.cli;

import dev.keel.engine.KeelEngineBuilder;
import dev.keel.engine.config.ConfigException;
import dev.keel.engine.config.ConfigProblem;
import dev.keel.engine.config.LocatedDocument;
import dev.keel.spi.KeelException;
import dev.keel.spi.model.DeliveryConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keel command line: parses the command, runs it, and turns every failure into lines on stderr and an
 * exit code. Nothing here calls {@code System.exit}, so tests run it in-process as well as through
 * {@link Main}.
 */
final class Cli {

  /** Success: valid, in sync, converged. */
  static final int OK = 0;
  /** A bad file, flag or scenario, or an engine error. */
  static final int ERROR = 1;
  /** {@code plan}: changes are pending. {@code validate}: the command line is wrong. */
  static final int PENDING = 2;
  /** {@code run}: the maximum virtual time passed before the delivery converged. */
  static final int TIMED_OUT = 3;

  static final String USAGE = """
      usage: keel <command> [arguments]

        validate FILE...                       check delivery configs; problems as FILE:LINE:COL: message
        render FILE                            print the config in Keel's plain format, templates expanded
        plan FILE [--scenario S] [--json] [--cloud C]
                                               what the engine would do now; exit 2 when changes are pending
        run FILE [--scenario S] [--until-converged] [--max-time DURATION] [--json] [--store URL] [--cloud C]
                                               run the engine on virtual time against the simulated clouds;
                                               --store keeps what it records in a database (jdbc:h2:file:PATH);
                                               --cloud spinnaker goes through the Spinnaker adapters over HTTP
                                               to an in-process fake Spinnaker serving them (default: simulated)
        status --store URL [--json]            print the stored resource statuses and promotions of every
                                               config a run kept at URL, without loading a plugin or
                                               running anything
        fake-spinnaker [--port N] [--scenario S]
                                               serve a fake Spinnaker (Clouddriver on N, Orca on N+1; 0 = free
                                               ports) over the simulated clouds, on the wall clock, until
                                               interrupted; prints the URLs to configure a host with
        export KIND NAME --account A [--region R]... [--scenario S]
                                               print an existing simulated resource as a spec
        help                                   this text

      Every command but status also takes --plugins DIR, plugins to load besides the built-in ones beside the CLI (a
      plugin claiming a kind a built-in one owns is skipped), and --verbose. -Dkeel.pluginStartDeadline=30s
      (JAVA_OPTS) bounds how long a plugin may take to start before it is skipped.
      Durations are written 90s, 30m, 2h, 1d or PT30M. Docs: docs/cli.md""";

  private final PrintStream out;
  private final PrintStream err;
  private final Path defaultPlugins;
  private final Duration pluginStartDeadline;

  /**
   * A CLI printing to the given streams, with the default plugin start deadline.
   *
   * @param out where results go
   * @param err where problems and warnings go
   * @param defaultPlugins the built-in plugins directory, which {@code --plugins} adds to
   */
  Cli(PrintStream out, PrintStream err, Path defaultPlugins) {
    this(out, err, defaultPlugins, KeelEngineBuilder.DEFAULT_PLUGIN_START_DEADLINE);
  }

  /**
   * A CLI printing to the given streams.
   *
   * @param out where results go
   * @param err where problems and warnings go
   * @param defaultPlugins the built-in plugins directory, which {@code --plugins} adds to
   * @param pluginStartDeadline how long a plugin may take to start before it is skipped
   */
  Cli(PrintStream out, PrintStream err, Path defaultPlugins, Duration pluginStartDeadline) {
    this.out = out;
    this.err = err;
    this.defaultPlugins = defaultPlugins;
    this.pluginStartDeadline = pluginStartDeadline;
  }

  /**
   * Runs a command line.
   *
   * @param args the arguments, command first
   * @return the exit code
   */
  int run(String... args) {
    if (args.length == 0) {
      err.println(USAGE);
      return ERROR;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    try {
      return switch (command) {
        case "help", "--help", "-h" -> {
          out.println(USAGE);
          yield OK;
        }
        case "validate" -> new ValidateCommand(this).run(options(command, rest, "--plugins", "--verbose"));
        case "render" -> new RenderCommand(this).run(options(command, rest, "--plugins", "--verbose"));
        case "plan" -> new PlanCommand(this).run(options(command, rest, "--scenario", "--json", "--plugins",
            "--verbose", CloudChoice.FLAG));
        case "run" -> new RunCommand(this).run(options(command, rest, "--scenario", "--until-converged",
            "--max-time", "--json", "--plugins", "--verbose", StoreOption.FLAG, CloudChoice.FLAG));
        case "status" -> new StatusCommand(this).run(options(command, rest, StoreOption.FLAG, "--json", "--verbose"));
        case "fake-spinnaker" -> new FakeSpinnakerCommand(this).run(options(command, rest, "--port", "--scenario",
            "--plugins", "--verbose"));
        case "export" -> new ExportCommand(this).run(options(command, rest, "--account", "--region", "--scenario",
            "--plugins", "--verbose"));
        default -> throw new UsageException("unknown command '" + command + "'");
      };
    } catch (UsageException e) {
      err.println("keel: " + e.getMessage());
      err.println("Run 'keel help' for usage.");
      return command.equals("validate") ? PENDING : ERROR;
    } catch (CliException e) {
      e.lines().forEach(err::println);
      return e.exitCode();
    } catch (KeelException e) {
      // The engine refusing something with its reason, such as a config whose resources another stored config
      // manages, or a store that cannot be reached: the reason is the message.
      err.println("keel: " + e.getMessage());
      return ERROR;
    } catch (RuntimeException | Error e) {
      // A bug, a plugin failing in a way nothing contained, or the JVM out of memory: still a message, not a
      // stack trace.
      err.println("keel: internal error: " + e);
      if (Boolean.getBoolean("keel.debug")) {
        e.printStackTrace(err);
      } else {
        err.println("Run with -Dkeel.debug=true (JAVA_OPTS) for the stack trace.");
      }
      return ERROR;
    }
  }

  private static Options options(String command, List<String> args, String... accepted) {
    Options options = Options.parse(command, args, Set.of(accepted));
    if (options.has("--verbose")) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
    return options;
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  /** The built-in plugins directory, then the one {@code --plugins} adds, if any. */
  List<Path> plugins(Options options) {
    Path given = options.path("--plugins");
    return given == null ? List.of(defaultPlugins) : List.of(defaultPlugins, given);
  }

  Duration pluginStartDeadline() {
    return pluginStartDeadline;
  }

  /** A config problem as a compiler-style line: {@code FILE:LINE:COL: message (at PATH)}. */
  static String line(ConfigProblem problem) {
    return problem.toString();
  }

  /** Reads a delivery config with the simulation's kinds, turning its problems into CLI lines. */
  static DeliveryConfig readConfig(Simulation simulation, Path file) {
    try {
      return simulation.engine().configReader().read(file);
    } catch (ConfigException e) {
      throw new CliException(ERROR, e.lines());
    }
  }

  /**
   * Opens a simulation for a command: loads the scenario file (if any) for its start time, loads the plugins,
   * then parses the scenario against the clouds they simulate and seeds them.
   *
   * @param options the command's options
   * @return the simulation and scenario
   */
  Prepared prepare(Options options) {
    Path scenarioFile = options.path("--scenario");
    LocatedDocument doc = scenarioFile == null ? null : ScenarioReader.load(scenarioFile);
    Simulation simulation = Simulation.open(plugins(options), pluginStartDeadline, doc == null
        ? Scenario.DEFAULT_START : ScenarioReader.startOf(doc), err, StoreOption.of(options), CloudChoice.of(options),
        doc == null ? Map.of() : doc.values());
    try {
      Scenario scenario = doc == null ? Scenario.empty() : new ScenarioReader(simulation.cloudActions()).parse(doc);
      simulation.seed(scenario);
      if (simulation.overSpinnaker()) {
        FakeSpinnakerClouds.checkTimeline(scenario);
      }
      return new Prepared(simulation, scenario);
    } catch (RuntimeException e) {
      simulation.close();
      throw e;
    }
  }

  /** The one positional argument a command needs. */
  static String single(Options options, String what) {
    if (options.positionals().size() != 1) {
      throw new UsageException("'keel " + options.command() + "' takes one " + what + ", got "
          + (options.positionals().isEmpty() ? "none" : String.join(" ", options.positionals())));
    }
    return options.positionals().get(0);
  }

  /**
   * A simulation with its scenario, seeded and not yet running.
   *
   * @param simulation the simulation
   * @param scenario the scenario
   */
  record Prepared(Simulation simulation, Scenario scenario) implements AutoCloseable {
    @Override
    public void close() {
      simulation.close();
    }
  }
}
