package dev.keel.engine.config;

import dev.keel.spi.KeelException;

/**
 * Two extensions claimed the same resource kind, constraint type, verification type or artifact type.
 * The message names both, so the operator can remove or disable one.
 */
public class RegistrationConflictException extends KeelException {

  /**
   * An exception naming the conflict.
   *
   * @param what what was claimed twice, such as "resource kind"
   * @param name the name claimed
   * @param first who claimed it first
   * @param second who claimed it again
   */
  public RegistrationConflictException(String what, String name, String first, String second) {
    super("The " + what + " '" + name + "' is claimed by both " + first + " and " + second
        + ": disable one of them");
  }
}
