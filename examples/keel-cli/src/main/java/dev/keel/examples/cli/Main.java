package dev.keel.examples.cli;

import dev.keel.engine.KeelEngineBuilder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code keel} executable. The built-in plugins come from the {@code keel.plugins} system property, else the
 * {@code plugins} directory beside the CLI's jar (where the build copies the EC2, Titus and resolvers plugin zips and
 * the EC2 and Titus simulator zips); {@code --plugins DIR} adds more. {@code -Dkeel.pluginStartDeadline=30s} bounds
 * how long a plugin may take to start.
 */
public final class Main {

  private Main() {}

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    int code;
    try {
      code = new Cli(System.out, System.err, defaultPlugins(), pluginStartDeadline()).run(args);
    } catch (Throwable t) {
      // Cli.run reports everything itself; this is the last line against a stack trace (say, an Error
      // thrown while reporting another).
      System.err.println("keel: internal error: " + t);
      code = Cli.ERROR;
    }
    System.exit(code);
  }

  /** The plugin start deadline: the {@code keel.pluginStartDeadline} system property, such as {@code 10s}. */
  static Duration pluginStartDeadline() {
    String property = System.getProperty("keel.pluginStartDeadline");
    if (property == null) {
      return KeelEngineBuilder.DEFAULT_PLUGIN_START_DEADLINE;
    }
    try {
      return Durations.parse(property);
    } catch (IllegalArgumentException e) {
      System.err.println("keel: warning: -Dkeel.pluginStartDeadline=" + property + " is not a duration ("
          + e.getMessage() + "); using " + KeelEngineBuilder.DEFAULT_PLUGIN_START_DEADLINE.toSeconds() + "s");
      return KeelEngineBuilder.DEFAULT_PLUGIN_START_DEADLINE;
    }
  }

  static Path defaultPlugins() {
    String property = System.getProperty("keel.plugins");
    if (property != null) {
      return Path.of(property);
    }
    try {
      Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/keel-cli.jar when packaged, target/classes in the build: both sit beside target/plugins.
      return location.getParent().resolve("plugins");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("plugins");
    }
  }
}
