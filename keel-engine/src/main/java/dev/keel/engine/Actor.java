package dev.keel.engine;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Who makes an operator's change (a pin, veto, judgement, pause or freeze override) and why; both go into
 * the history and state the change leaves.
 *
 * <pre>{@code
 * engine.promotions().veto(where, "fnord-1.2.0", Actor.of("carol", "broke logins"));
 * engine.pauses().resumeApplication("fnord", Actor.of("dave"));
 * }</pre>
 *
 * @param by who: a person, or the automation acting for one
 * @param comment why, or null
 */
public record Actor(String by, @Nullable String comment) {

  /** Checks that who acts is given. */
  public Actor {
    Objects.requireNonNull(by, "by");
  }

  /**
   * Someone acting without saying why.
   *
   * @param by who
   * @return the actor
   */
  public static Actor of(String by) {
    return new Actor(by, null);
  }

  /**
   * Someone acting, and why.
   *
   * @param by who
   * @param comment why
   * @return the actor
   */
  public static Actor of(String by, @Nullable String comment) {
    return new Actor(by, comment);
  }
}
