package dev.keel.spi;

/**
 * Thrown by {@link ResourceHandler#desired} or a {@link Resolver} when the spec cannot be turned into a
 * desired state and waiting will not help, such as a reference to something that does not exist. The
 * engine records a check error.
 */
public class CannotResolveDesiredState extends KeelException {

  /**
   * An exception with a message.
   *
   * @param message what is wrong with the spec and how to fix it
   */
  public CannotResolveDesiredState(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what is wrong
   * @param cause the underlying failure
   */
  public CannotResolveDesiredState(String message, Throwable cause) {
    super(message, cause);
  }
}
