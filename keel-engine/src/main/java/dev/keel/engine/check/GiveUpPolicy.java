package dev.keel.engine.check;

import java.time.Duration;
import java.util.Objects;

/**
 * When the engine stops acting on a drift its actions do not fix (Keel's "unhappy" veto), counted per diff
 * fingerprint: after {@code actionsBeforeWaiting} actions it waits {@code waitBetweenActions} before each
 * further one, and after {@code maxActions} it stops until the drift changes or disappears. The resource
 * then shows UNHAPPY.
 *
 * <p>A drift that changes after every action (another controller fighting the engine) gets a new fingerprint
 * each time and would never be given up on; so, whatever the fingerprint, a resource gets at most
 * {@code maxActionsPerWindow} actions in any {@code actionWindow}. Once that budget is spent it is not acted
 * on (and shows UNHAPPY, saying why) until its oldest counted action leaves the window.
 *
 * @param actionsBeforeWaiting actions allowed back to back, at least 1
 * @param waitBetweenActions the wait before each further action
 * @param maxActions the most actions for one drift, at least {@code actionsBeforeWaiting}
 * @param maxActionsPerWindow the most actions on one resource within {@code actionWindow}, whatever the drift;
 *     at least {@code maxActions}
 * @param actionWindow the sliding window of that budget, positive
 */
public record GiveUpPolicy(int actionsBeforeWaiting, Duration waitBetweenActions, int maxActions,
    int maxActionsPerWindow, Duration actionWindow) {

  /** The default action budget: {@value} actions per {@link #DEFAULT_ACTION_WINDOW}. */
  public static final int DEFAULT_MAX_ACTIONS_PER_WINDOW = 48;

  /** The default window of the action budget: 24 hours. */
  public static final Duration DEFAULT_ACTION_WINDOW = Duration.ofHours(24);

  /** Checks the values. */
  public GiveUpPolicy {
    Objects.requireNonNull(waitBetweenActions, "waitBetweenActions");
    Objects.requireNonNull(actionWindow, "actionWindow");
    if (actionsBeforeWaiting < 1 || maxActions < actionsBeforeWaiting || waitBetweenActions.isNegative()) {
      throw new IllegalArgumentException("GiveUpPolicy needs 1 <= actionsBeforeWaiting <= maxActions and a"
          + " non-negative wait; got " + actionsBeforeWaiting + ", " + waitBetweenActions + ", " + maxActions);
    }
    if (maxActionsPerWindow < maxActions || actionWindow.isNegative() || actionWindow.isZero()) {
      throw new IllegalArgumentException("GiveUpPolicy needs maxActionsPerWindow >= maxActions and a positive"
          + " actionWindow; got " + maxActionsPerWindow + " per " + actionWindow + " with maxActions " + maxActions);
    }
  }

  /**
   * A policy with the default action budget ({@value #DEFAULT_MAX_ACTIONS_PER_WINDOW} per 24 hours, or
   * {@code maxActions} if that is more).
   *
   * @param actionsBeforeWaiting actions allowed back to back, at least 1
   * @param waitBetweenActions the wait before each further action
   * @param maxActions the most actions for one drift
   */
  public GiveUpPolicy(int actionsBeforeWaiting, Duration waitBetweenActions, int maxActions) {
    this(actionsBeforeWaiting, waitBetweenActions, maxActions, Math.max(maxActions, DEFAULT_MAX_ACTIONS_PER_WINDOW),
        DEFAULT_ACTION_WINDOW);
  }

  /**
   * Keel's defaults: one action, then 30 minutes between actions, and no more than 3 per drift; and the
   * default action budget of 48 actions per resource per 24 hours.
   *
   * @return the default policy
   */
  public static GiveUpPolicy keelDefaults() {
    return new GiveUpPolicy(1, Duration.ofMinutes(30), 3);
  }

  /**
   * A copy with another action budget.
   *
   * @param max the most actions on one resource within the window
   * @param window the window
   * @return the copy
   */
  public GiveUpPolicy withActionBudget(int max, Duration window) {
    return new GiveUpPolicy(actionsBeforeWaiting, waitBetweenActions, maxActions, max, window);
  }
}
