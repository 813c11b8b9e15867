package dev.keel.spinnaker.orca;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.spinnaker.http.JsonView;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An Orca execution (a task, as {@code GET /tasks/{id}} returns it, or a pipeline, from {@code GET /pipelines/{id}})
 * as Keel reads it.
 *
 * @param id the execution id
 * @param name its name (a task's description)
 * @param application the application
 * @param status its status
 * @param correlationId the trigger's correlation id, or null
 * @param failure Orca's failure text, or null: the first stage's {@code exception.details.errors} joined, else
 *     the first {@code kato.tasks} exception message, else for a failed execution its status
 * @param buildTime when it was created
 * @param endTime when it ended, or null
 */
public record OrcaExecution(String id, String name, String application, OrcaStatus status,
    @Nullable String correlationId, @Nullable String failure, Instant buildTime, @Nullable Instant endTime) {

  /** Checks for nulls. */
  public OrcaExecution {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(buildTime, "buildTime");
  }

  /**
   * Reads an execution: {@code GET /tasks/{id}}'s detail response (stages under {@code execution}) or a plain
   * execution (stages at the top).
   *
   * @param json the response
   * @return the execution
   * @throws IllegalArgumentException if it has no id or an unknown status
   */
  public static OrcaExecution parse(JsonView json) {
    String id = json.text("id");
    String status = json.text("status");
    if (id == null || status == null) {
      throw new IllegalArgumentException("an Orca execution needs an id and a status");
    }
    JsonView execution = json.get("execution").absent() ? json : json.get("execution");
    OrcaStatus s = OrcaStatus.parse(status);
    String failure = failure(execution.list("stages"));
    if (failure == null && s.isFailure()) {
      failure = "Orca execution " + id + " ended " + s;
    }
    Instant built = json.epochMillis("buildTime").or(() -> json.epochMillis("startTime")).orElse(Instant.EPOCH);
    return new OrcaExecution(id, json.text("name", execution.text("name", id)),
        json.text("application", execution.text("application", "")), s,
        execution.get("trigger").text("correlationId"), failure, built, json.epochMillis("endTime").orElse(null));
  }

  @Nullable
  private static String failure(List<JsonView> stages) {
    for (JsonView stage : stages) {
      List<String> errors = stage.get("context").get("exception").get("details").texts("errors");
      if (!errors.isEmpty()) {
        return String.join(", ", errors);
      }
    }
    for (JsonView stage : stages) {
      List<JsonView> kato = stage.get("context").list("kato.tasks");
      if (!kato.isEmpty()) {
        String message = kato.get(0).get("exception").text("message");
        if (message != null) {
          return message;
        }
      }
    }
    return null;
  }

  /**
   * The port's view of this execution as a task.
   *
   * @param correlationIdIfUnknown the correlation id to report when the execution names none
   * @return the task
   */
  public TaskExecution toTask(@Nullable String correlationIdIfUnknown) {
    return new TaskExecution(id, correlationId == null ? correlationIdIfUnknown : correlationId, name,
        status.state(), status.isFailure() ? failure : null, buildTime, status.isComplete() ? endTime : null);
  }
}
