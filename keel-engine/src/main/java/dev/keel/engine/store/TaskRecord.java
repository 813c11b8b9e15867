package dev.keel.engine.store;

import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskState;
import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A task a handler launched, tracked until it completes.
 *
 * @param task the task
 * @param resourceId the resource it acts on
 * @param application the application
 * @param launchedAt when it was launched
 * @param state its last known state
 * @param reason why it failed, or null
 * @param completedAt when it completed, or null
 */
public record TaskRecord(Task task, String resourceId, String application, Instant launchedAt, TaskState state,
    @Nullable String reason, @Nullable Instant completedAt) {

  /** Checks for nulls. */
  public TaskRecord {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(launchedAt, "launchedAt");
    Objects.requireNonNull(state, "state");
  }

  /**
   * A copy recording completion.
   *
   * @param finalState succeeded or failed
   * @param why the failure reason, or null
   * @param at when
   * @return the copy
   */
  public TaskRecord completed(TaskState finalState, @Nullable String why, Instant at) {
    return new TaskRecord(task, resourceId, application, launchedAt, finalState, why, at);
  }
}
