package dev.keel.cloud.api;

import java.time.Instant;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A submitted task's status.
 *
 * @param id the task id
 * @param correlationId its correlation id
 * @param description what it does
 * @param state where it is
 * @param failure why it failed, or null
 * @param submittedAt when it was submitted
 * @param endedAt when it ended, or null while it runs
 */
public record TaskExecution(String id, String correlationId, String description, State state,
    @Nullable String failure, Instant submittedAt, @Nullable Instant endedAt) {

  /** Task states, as Orca names them. */
  public enum State {
    /** Waiting for a dependency or a window. */
    NOT_STARTED,
    /** Running a stage. */
    RUNNING,
    /** Done. */
    SUCCEEDED,
    /** Failed. */
    TERMINAL;

    /**
     * Whether the task has ended.
     *
     * @return true for SUCCEEDED and TERMINAL
     */
    public boolean isComplete() {
      return this == SUCCEEDED || this == TERMINAL;
    }
  }

  /** Checks for nulls. */
  public TaskExecution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(state, "state");
  }
}
