package dev.keel.engine.diff;

/** The differ's options are invalid, for example a malformed path glob or an unknown key property. */
public final class DiffConfigurationException extends DiffException {

  private static final long serialVersionUID = 1L;

  DiffConfigurationException(String message) {
    super(message);
  }
}
