package dev.keel.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process and keeps what it printed. */
final class CliRunner {

  /** Where the build copies the plugin zips for the tests. */
  static final Path PLUGINS = Path.of("target/plugins");
  /** The examples directory. */
  static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize();

  record Result(int exitCode, String out, String err) {}

  private CliRunner() {}

  static Result run(String... args) {
    return runWithPlugins(PLUGINS, args);
  }

  /** Runs the CLI with another built-in plugins directory. */
  static Result runWithPlugins(Path plugins, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e, plugins).run(args);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String example(String relative) {
    return EXAMPLES.resolve(relative).toString();
  }
}
