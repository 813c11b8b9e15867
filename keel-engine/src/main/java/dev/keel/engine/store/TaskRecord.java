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
 * @param correlationId the engine's correlation id of the actuation that launched it ({@code resourceId:} and the
 *     first 16 characters of the drift's fingerprint): the same for every launch of the same change, so that a
 *     change submitted twice (by an instance that lost its claim and the one that took over) is recognisable; or
 *     null for a record written before the engine kept it. The task's own {@link Task#correlationId()} is the
 *     handler's, as the cloud sees it (such as {@code resourceId:region})
 */
public record TaskRecord(Task task, String resourceId, String application, Instant launchedAt, TaskState state,
    @Nullable String reason, @Nullable Instant completedAt, @Nullable String correlationId) {

  /** Checks for nulls. */
  public TaskRecord {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(launchedAt, "launchedAt");
    Objects.requireNonNull(state, "state");
  }

  /**
   * A record without the engine's correlation id.
   *
   * @param task the task
   * @param resourceId the resource it acts on
   * @param application the application
   * @param launchedAt when it was launched
   * @param state its last known state
   * @param reason why it failed, or null
   * @param completedAt when it completed, or null
   */
  public TaskRecord(Task task, String resourceId, String application, Instant launchedAt, TaskState state,
      @Nullable String reason, @Nullable Instant completedAt) {
    this(task, resourceId, application, launchedAt, state, reason, completedAt, null);
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
    return new TaskRecord(task, resourceId, application, launchedAt, finalState, why, at, correlationId);
  }
}
