package dev.keel.spi;

/**
 * The base of the exceptions the Keel SDK defines. Unchecked, so that extension methods need not
 * declare them.
 */
public class KeelException extends RuntimeException {

  /**
   * An exception with a message.
   *
   * @param message what went wrong and, where possible, how to fix it
   */
  public KeelException(String message) {
    super(message);
  }

  /**
   * An exception with a message and a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public KeelException(String message, Throwable cause) {
    super(message, cause);
  }
}
