package dev.keel.engine.promotion;

import dev.keel.spi.KeelException;

/** A veto was refused: the version is pinned, unknown there, or a rollback target (use force). */
public class InvalidVetoException extends KeelException {

  /**
   * An exception saying why.
   *
   * @param message the reason and what to do instead
   */
  public InvalidVetoException(String message) {
    super(message);
  }
}
