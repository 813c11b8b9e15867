package dev.keel.examples.cli;

import java.util.List;

/**
 * A failure the CLI reports as lines on stderr and an exit code, never as a stack trace: a bad file, a bad
 * flag, a scenario that cannot be played.
 */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> lines;
  private final int exitCode;

  CliException(int exitCode, List<String> lines) {
    super(String.join("\n", lines));
    this.exitCode = exitCode;
    this.lines = List.copyOf(lines);
  }

  CliException(String line) {
    this(Cli.ERROR, List.of(line));
  }

  /** The lines to print, each complete (such as {@code FILE:LINE:COL: message}). */
  List<String> lines() {
    return lines;
  }

  int exitCode() {
    return exitCode;
  }
}
