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
}
