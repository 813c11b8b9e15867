package dev.keel.spi.actuation;

import java.util.Objects;
import javax.annotation.Nullable;

/**
 * The reported status of a task.
 *
 * @param state running, succeeded or failed
 * @param reason why it failed, or null
 */
public record TaskStatus(TaskState state, @Nullable String reason) {

  /** Checks for nulls. */
  public TaskStatus {
    Objects.requireNonNull(state, "state");
  }

  /**
   * A running task.
   *
   * @return the status
   */
  public static TaskStatus running() {
    return new TaskStatus(TaskState.RUNNING, null);
  }

  /**
   * A task that succeeded.
   *
   * @return the status
   */
  public static TaskStatus succeeded() {
    return new TaskStatus(TaskState.SUCCEEDED, null);
  }

  /**
   * A task that failed.
   *
   * @param reason why
   * @return the status
   */
  public static TaskStatus failed(String reason) {
    return new TaskStatus(TaskState.FAILED, reason);
  }
}
