package dev.keel.engine.diff;

/**
 * The model cannot be walked: a property cannot be read, or the object graph is deeper than the
 * configured maximum (which is how a cycle shows up, since models are trees).
 */
public final class DiffModelException extends DiffException {

  private static final long serialVersionUID = 1L;

  DiffModelException(String message) {
    super(message);
  }

  DiffModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
