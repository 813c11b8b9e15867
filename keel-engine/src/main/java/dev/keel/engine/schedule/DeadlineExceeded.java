package dev.keel.engine.schedule;

import dev.keel.spi.KeelException;
import java.time.Duration;

/** An extension call overran its deadline; the engine stopped waiting for it. */
public class DeadlineExceeded extends KeelException {

  private final String phase;
  private final Duration deadline;

  /**
   * An exception naming the call and its time.
   *
   * @param phase the call, such as {@code current}
   * @param deadline the time it was given
   */
  public DeadlineExceeded(String phase, Duration deadline) {
    super(phase + " did not return within " + deadline);
    this.phase = phase;
    this.deadline = deadline;
  }

  /**
   * The call that overran.
   *
   * @return the phase name
   */
  public String phase() {
    return phase;
  }

  /**
   * The time it was given.
   *
   * @return the deadline
   */
  public Duration deadline() {
    return deadline;
  }
}
