package dev.keel.engine.internal.check;

/**
 * A store call a check made failed (the database is down, say): the check ends with a {@code CheckError} in phase
 * {@code store} where it can still be recorded, and is retried after back-off like any failed check.
 */
final class StoreFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StoreFailure(String what, RuntimeException cause) {
    super("Could not " + what + ": " + cause.getMessage(), cause);
  }
}
