package dev.keel.spi.actuation;

import javax.annotation.Nullable;

/**
 * A handler's answer to whether it will act on a diff; a refusal shows the resource as
 * {@code DIFF_NOT_ACTIONABLE} with the message.
 *
 * @param willAct whether the handler will act
 * @param message why not, or null
 */
public record ActionDecision(boolean willAct, @Nullable String message) {

  /**
   * The handler will act.
   *
   * @return the decision
   */
  public static ActionDecision act() {
    return new ActionDecision(true, null);
  }

  /**
   * The handler will not act.
   *
   * @param why the reason, shown to the user
   * @return the decision
   */
  public static ActionDecision decline(String why) {
    return new ActionDecision(false, why);
  }
}
