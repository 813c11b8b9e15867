package dev.keel.examples.cli;

import dev.keel.engine.config.ConfigException;
import java.nio.file.Path;

/**
 * {@code keel render FILE}: prints the config a file holds in Keel's plain format, its templates expanded and
 * its environments declared {@code like} others given their resources, after reading it with every plugin's
 * kinds exactly as {@code validate} does.
 */
final class RenderCommand {

  private final Cli cli;

  RenderCommand(Cli cli) {
    this.cli = cli;
  }

  int run(Options options) {
    Path file = Path.of(Cli.single(options, "FILE"));
    try (Simulation simulation = Simulation.open(cli.plugins(options), cli.pluginStartDeadline(),
        Scenario.DEFAULT_START, cli.err())) {
      String plain;
      try {
        plain = simulation.engine().configReader().render(file);
      } catch (ConfigException e) {
        throw new CliException(Cli.ERROR, e.lines());
      }
      cli.out().print(plain);
      cli.out().flush();
      return Cli.OK;
    }
  }
}
