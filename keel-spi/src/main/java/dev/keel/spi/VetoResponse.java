package dev.keel.spi;

import dev.keel.spi.model.ResourceStatus;
import javax.annotation.Nullable;

/**
 * A {@link Veto}'s answer.
 *
 * @param allowed whether the resource may be acted on
 * @param message why not, or null
 * @param suggestedStatus the status to show while denied, or null for the engine's choice
 * @param vetoArtifact whether the artifact version being deployed should be marked bad
 */
public record VetoResponse(
    boolean allowed, @Nullable String message, @Nullable ResourceStatus suggestedStatus, boolean vetoArtifact) {

  /**
   * Allows the action.
   *
   * @return the response
   */
  public static VetoResponse allow() {
    return new VetoResponse(true, null, null, false);
  }

  /**
   * Denies the action.
   *
   * @param message why
   * @return the response
   */
  public static VetoResponse deny(String message) {
    return new VetoResponse(false, message, null, false);
  }

  /**
   * Denies the action and suggests a status.
   *
   * @param message why
   * @param status the status to show
   * @return the response
   */
  public static VetoResponse deny(String message, ResourceStatus status) {
    return new VetoResponse(false, message, status, false);
  }
}
