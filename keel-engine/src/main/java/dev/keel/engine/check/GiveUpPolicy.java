package dev.keel.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * When the engine stops acting on a drift its actions do not fix (Keel's "unhappy" veto), counted per diff
 * fingerprint: after {@code actionsBeforeWaiting} actions it waits {@code waitBetweenActions} before each
 * further one, and after {@code maxActions} it stops until the drift changes or disappears. The resource
 * then shows UNHAPPY.
 *
 * @param actionsBeforeWaiting actions allowed back to back, at least 1
 * @param waitBetweenActions the wait before each further action
 * @param maxActions the most actions for one drift, at least {@code actionsBeforeWaiting}
 */
public record GiveUpPolicy(int actionsBeforeWaiting, Duration waitBetweenActions, int maxActions) {

  /** Checks the values. */
  public GiveUpPolicy {
    Objects.requireNonNull(waitBetweenActions, "waitBetweenActions");
    if (actionsBeforeWaiting < 1 || maxActions < actionsBeforeWaiting || waitBetweenActions.isNegative()) {
      throw new IllegalArgumentException("GiveUpPolicy needs 1 <= actionsBeforeWaiting <= maxActions and a"
          + " non-negative wait; got " + actionsBeforeWaiting + ", " + waitBetweenActions + ", " + maxActions);
    }
  }

  /**
   * Keel's defaults: one action, then 30 minutes between actions, and no more than 3.
   *
   * @return the default policy
   */
  public static GiveUpPolicy keelDefaults() {
    return new GiveUpPolicy(1, Duration.ofMinutes(30), 3);
  }
}
