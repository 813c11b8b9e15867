package dev.keel.engine;

import dev.keel.spi.model.DeliveryConfig;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Who makes an operator's change (a submitted or deleted delivery config, a pin, veto, judgement, pause or freeze
 * override) and why; both go into the history and state the change leaves.
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

  /**
   * Who a change is recorded under when the caller names nobody: {@code by} is {@value #SYSTEM_NAME}. The overloads
   * without an actor ({@link KeelEngine#submit(DeliveryConfig)}, {@link KeelEngine#delete(String)},
   * {@link PromotionControl#unpin(dev.keel.engine.store.EnvironmentArtifact)}, ...) use it; a host that knows its user
   * passes an actor instead.
   */
  public static final Actor SYSTEM = new Actor(Actor.SYSTEM_NAME, null);

  /** The name of {@link #SYSTEM}. */
  public static final String SYSTEM_NAME = "keel";

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
