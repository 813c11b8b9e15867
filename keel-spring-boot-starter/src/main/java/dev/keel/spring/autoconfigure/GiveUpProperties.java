package dev.keel.spring.autoconfigure;

import java.time.Duration;
import javax.annotation.Nullable;

/** The give-up policy; unset fields take Keel's defaults. Part of {@link KeelProperties}. */
public class GiveUpProperties {
  @Nullable private Integer actionsBeforeWaiting;
  @Nullable private Duration waitBetweenActions;
  @Nullable private Integer maxActions;
  @Nullable private Integer maxActionsPerWindow;
  @Nullable private Duration actionWindow;

  /** @return actions allowed back to back */
  @Nullable
  public Integer getActionsBeforeWaiting() {
    return actionsBeforeWaiting;
  }

  /** @param n actions allowed back to back */
  public void setActionsBeforeWaiting(@Nullable Integer n) {
    this.actionsBeforeWaiting = n;
  }

  /** @return the wait before each further action */
  @Nullable
  public Duration getWaitBetweenActions() {
    return waitBetweenActions;
  }

  /** @param wait the wait before each further action */
  public void setWaitBetweenActions(@Nullable Duration wait) {
    this.waitBetweenActions = wait;
  }

  /** @return the most actions for one drift */
  @Nullable
  public Integer getMaxActions() {
    return maxActions;
  }

  /** @param n the most actions for one drift */
  public void setMaxActions(@Nullable Integer n) {
    this.maxActions = n;
  }

  /** @return the most actions per window, whatever the drift */
  @Nullable
  public Integer getMaxActionsPerWindow() {
    return maxActionsPerWindow;
  }

  /** @param n the most actions per window, whatever the drift */
  public void setMaxActionsPerWindow(@Nullable Integer n) {
    this.maxActionsPerWindow = n;
  }

  /** @return the window of that budget */
  @Nullable
  public Duration getActionWindow() {
    return actionWindow;
  }

  /** @param window the window of that budget */
  public void setActionWindow(@Nullable Duration window) {
    this.actionWindow = window;
  }
}
