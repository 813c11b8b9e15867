package dev.keel.engine.schedule;

import dev.keel.spi.KeelException;
import java.time.Instant;
import javax.annotation.Nullable;

/**
 * An extension call was not made because an earlier one has not returned: either a call about the same
 * target (a resource, a version's constraint) outlived its deadline and is still running, or the
 * extension's plugin already has as many such stuck calls as the engine allows. Calling again would only
 * pile more threads onto something that does not answer.
 */
public class CallRefused extends KeelException {

  private final String phase;
  private final String stuckPhase;
  private final Instant stuckSince;

  /**
   * A refusal naming the stuck call.
   *
   * @param phase the call that was not made
   * @param stuckPhase the earlier call about the same target that is still running, or null when the
   *     plugin's bound on stuck calls was reached
   * @param stuckSince when that call started, or when the call was refused
   * @param message what is wrong
   */
  public CallRefused(String phase, @Nullable String stuckPhase, Instant stuckSince, String message) {
    super(message);
    this.phase = phase;
    this.stuckPhase = stuckPhase;
    this.stuckSince = stuckSince;
  }

  /**
   * The call that was not made.
   *
   * @return its phase name
   */
  public String phase() {
    return phase;
  }

  /**
   * The earlier call about the same target still running.
   *
   * @return its phase name, or null when the plugin's bound on stuck calls was reached
   */
  @Nullable
  public String stuckPhase() {
    return stuckPhase;
  }

  /**
   * When the earlier call started.
   *
   * @return the instant, on the engine's clock
   */
  public Instant stuckSince() {
    return stuckSince;
  }
}
