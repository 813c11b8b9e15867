package dev.keel.engine.store;

import dev.keel.spi.KeelException;

/**
 * A delivery config clashes with what another config already manages: its name, its application, or one
 * of its resources. Nothing was stored.
 */
public class ConfigConflictException extends KeelException {

  /**
   * An exception saying what clashes.
   *
   * @param message the clash and how to resolve it
   */
  public ConfigConflictException(String message) {
    super(message);
  }
}
