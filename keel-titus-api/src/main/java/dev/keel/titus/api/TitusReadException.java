package dev.keel.titus.api;

/** Titus could not answer a read (a 5xx, not a 404: absent things are empty results). */
public class TitusReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param message what could not be read and whether to retry
   */
  public TitusReadException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed and where
   * @param cause the underlying failure, such as a failed HTTP call
   */
  public TitusReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
