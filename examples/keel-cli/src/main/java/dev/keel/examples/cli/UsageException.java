package dev.keel.examples.cli;

/** The command line itself is wrong: an unknown command or flag, a missing argument. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
