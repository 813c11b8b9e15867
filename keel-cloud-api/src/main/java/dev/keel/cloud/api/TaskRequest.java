package dev.keel.cloud.api;

import dev.keel.cloud.api.deploy.HourWindow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A task to run: operations run one after another as stages, the way Orca runs a task.
 *
 * @param application the application
 * @param description what the task does
 * @param correlationId a key: while a task with this key runs, submitting another returns the running one
 * @param operations the stages, in order
 * @param afterTask a task that must succeed before this one starts (it fails if that one fails), or null
 * @param window hours (UTC) in which the task may start, or null
 * @param waitAfter a wait stage after the operations, or null
 */
public record TaskRequest(String application, String description, String correlationId, List<CloudOperation> operations,
    @Nullable String afterTask, @Nullable HourWindow window, @Nullable Duration waitAfter) {

  /** Checks and copies. */
  public TaskRequest {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(correlationId, "correlationId");
    operations = List.copyOf(operations);
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("A task needs at least one operation");
    }
  }
}
