package dev.keel.examples.cli;

import dev.keel.engine.config.ConfigException;
import dev.keel.engine.promotion.AllowedTimesConstraint;
import dev.keel.spi.model.DeliveryConfig;
import java.nio.file.Path;

/** {@code keel validate FILE...}: reads each config with every plugin's kinds and reports every problem. */
final class ValidateCommand {

  private final Cli cli;

  ValidateCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    if (options.positionals().isEmpty()) {
      throw new UsageException("'keel validate' needs at least one FILE");
    }
    int problems = 0;
    try (Simulation simulation = Simulation.open(cli.plugins(options), cli.pluginStartDeadline(),
        Scenario.DEFAULT_START, cli.err())) {
      for (String name : options.positionals()) {
        Path file = Path.of(name);
        try {
          DeliveryConfig config = simulation.engine().configReader().read(file);
          long resources = config.resources().count();
          cli.out().println(name + ": valid (application " + config.application() + ", "
              + config.environments().size() + " environment" + (config.environments().size() == 1 ? "" : "s")
              + ", " + resources + " resource" + (resources == 1 ? "" : "s") + ")");
          AllowedTimesConstraint.environmentsWithoutZone(config).forEach(env -> cli.err().println(name
              + ": warning: environment " + env + ": allowed-times has no tz, so its windows are read in "
              + simulation.engine().config().defaultTimeZone() + " (the engine's defaultTimeZone); set tz to say which"));
        } catch (ConfigException e) {
          e.lines().forEach(cli.err()::println);
          problems += e.problems().size() + e.omitted();
        }
      }
    }
    return problems == 0 ? Cli.OK : Cli.ERROR;
  }
}
