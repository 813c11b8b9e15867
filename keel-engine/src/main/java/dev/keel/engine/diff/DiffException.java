package dev.keel.engine.diff;

/**
 * A diff that cannot be computed, or a differ that cannot be built. The subtype says what is wrong.
 */
public abstract sealed class DiffException extends RuntimeException
    permits DuplicateKeyException, DiffConfigurationException, DiffModelException {

  private static final long serialVersionUID = 1L;

  DiffException(String message) {
    super(message);
  }

  DiffException(String message, Throwable cause) {
    super(message, cause);
  }
}
