package dev.keel.examples.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The {@code keel} executable. Plugins come from {@code --plugins DIR}, else the {@code keel.plugins} system
 * property, else the {@code plugins} directory beside the CLI's jar (where the build copies the EC2, Titus and
 * resolvers plugin zips).
 */
public final class Main {

  private Main() {}

  /**
   * Runs the CLI and exits with its code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(new Cli(System.out, System.err, defaultPlugins()).run(args));
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
