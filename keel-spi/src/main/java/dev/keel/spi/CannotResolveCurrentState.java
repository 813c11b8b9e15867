package dev.keel.spi;

/**
 * Thrown by {@link ResourceHandler#current} when the cloud's state cannot be read, such as when an API
 * fails. The engine records a check error and retries with back-off.
 */
public class CannotResolveCurrentState extends KeelException {

  /**
   * An exception with a message and a cause.
   *
   * @param message what could not be read
   * @param cause the underlying failure
   */
  public CannotResolveCurrentState(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * An exception with a message.
   *
   * @param message what could not be read
   */
  public CannotResolveCurrentState(String message) {
    super(message);
  }
}
