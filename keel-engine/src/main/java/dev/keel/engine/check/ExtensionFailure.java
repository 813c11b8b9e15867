package dev.keel.engine.check;

import dev.keel.spi.KeelException;

/** An extension threw, or broke its contract (such as returning null where it must not), in one step. */
public class ExtensionFailure extends KeelException {

  private final String phase;

  /**
   * A failure in a step.
   *
   * @param phase the step, such as {@code desired} or {@code resolver image}
   * @param message what went wrong
   * @param cause the exception the extension threw, or null for a contract breach
   */
  public ExtensionFailure(String phase, String message, Throwable cause) {
    super(message, cause);
    this.phase = phase;
  }

  /**
   * The step that failed.
   *
   * @return the phase name
   */
  public String phase() {
    return phase;
  }
}
