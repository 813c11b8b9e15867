package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keel.titus.api.BatchJob;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * An Orca execution as {@code GET /tasks/{id}} answers it (Keel's {@code ExecutionDetailResponse}, in the shape of
 * the {@code *-deploy.json} and {@code failed-managed-rollout.json} fixtures): the status as Orca names it, the
 * submitted stages under {@code execution.stages} with their own statuses, a failed stage's
 * {@code context.exception.details.errors} and {@code kato.tasks[0].exception.message}, and {@code variables}
 * echoing the stages' contexts.
 */
final class ExecutionJson {

  private ExecutionJson() {}

  static ObjectNode render(OrcaTasks.Tracked t, OrcaTasks.Status status, Optional<BatchJob.Status> batch) {
    OrcaJob job = t.job;
    ObjectNode o = JsonView.object();
    o.put("id", t.id);
    o.put("name", job.description());
    o.put("application", job.application());
    o.put("buildTime", status.submittedAt().toEpochMilli());
    putTime(o, "startTime", status.startedAt());
    putTime(o, "endTime", status.endedAt());
    o.put("status", status.name());
    ObjectNode execution = o.putObject("execution");
    execution.put("type", "ORCHESTRATION");
    execution.put("id", t.id);
    execution.put("application", job.application());
    execution.put("buildTime", status.submittedAt().toEpochMilli());
    execution.put("canceled", status.name().equals("CANCELED"));
    execution.put("limitConcurrent", false);
    execution.put("keepWaitingPipelines", false);
    putTime(execution, "startTime", status.startedAt());
    putTime(execution, "endTime", status.endedAt());
    execution.put("status", status.name());
    execution.putObject("authentication").put("user", job.user()).putArray("allowedAccounts");
    execution.put("origin", job.origin() == null ? "api" : job.origin());
    execution.set("trigger", job.trigger() == null ? JsonView.object() : job.trigger().node().deepCopy());
    execution.put("description", job.description());
    execution.putArray("notifications");
    execution.putObject("initialConfig");
    execution.putArray("systemNotifications");
    ArrayNode stages = execution.putArray("stages");
    List<JsonView> submitted = job.stages();
    int failed = failedStage(submitted, status);
    for (int i = 0; i < submitted.size(); i++) {
      stages.add(stage(t, submitted.get(i), i, stageStatus(status, i, failed), status, batch));
    }
    o.putArray("steps");
    ArrayNode variables = o.putArray("variables");
    Map<String, JsonNode> merged = new LinkedHashMap<>();
    for (JsonNode stage : stages) {
      JsonNode context = stage.get("context");
      context.fieldNames().forEachRemaining(k -> merged.putIfAbsent(k, context.get(k)));
    }
    merged.forEach((k, v) -> variables.addObject().put("key", k).set("value", v));
    return o;
  }

  private static void putTime(ObjectNode o, String field, @Nullable Instant t) {
    if (t == null) {
      o.putNull(field);
    } else {
      o.put(field, t.toEpochMilli());
    }
  }

  /** The stage that failed: the one the failure names ({@code Stage <type> failed}), else the last. */
  private static int failedStage(List<JsonView> stages, OrcaTasks.Status status) {
    if (!status.name().equals("TERMINAL")) {
      return -1;
    }
    String failure = status.failure() == null ? "" : status.failure();
    for (int i = 0; i < stages.size(); i++) {
      if (failure.startsWith("Stage " + stages.get(i).text("type", "") + " failed")) {
        return i;
      }
    }
    return stages.size() - 1;
  }

  private static String stageStatus(OrcaTasks.Status status, int index, int failed) {
    return switch (status.name()) {
      case "SUCCEEDED" -> "SUCCEEDED";
      case "TERMINAL" -> index < failed ? "SUCCEEDED" : index == failed ? "TERMINAL" : "NOT_STARTED";
      case "RUNNING" -> index == 0 ? "RUNNING" : "NOT_STARTED";
      case "CANCELED" -> index == 0 ? "CANCELED" : "NOT_STARTED";
      default -> "NOT_STARTED";
    };
  }

  private static ObjectNode stage(OrcaTasks.Tracked t, JsonView submitted, int index, String stageStatus,
      OrcaTasks.Status status, Optional<BatchJob.Status> batch) {
    ObjectNode s = JsonView.object();
    String type = submitted.text("type", "stage");
    s.put("id", t.id + "-" + (index + 1));
    s.put("refId", submitted.text("refId", String.valueOf(index + 1)));
    s.put("type", type);
    s.put("name", submitted.text("name", type));
    boolean started = !stageStatus.equals("NOT_STARTED");
    putTime(s, "startTime", started ? status.startedAt() : null);
    putTime(s, "endTime", started && !stageStatus.equals("RUNNING") ? status.endedAt() : null);
    s.put("status", stageStatus);
    ObjectNode context = submitted.node().isObject() ? ((ObjectNode) submitted.node()).deepCopy() : JsonView.object();
    if (batch.isPresent()) {
      ObjectNode jobStatus = context.putObject("jobStatus");
      jobStatus.put("id", batch.get().id());
      jobStatus.put("status", batch.get().state().name());
      ObjectNode details = jobStatus.putObject("completionDetails");
      if (batch.get().exitCode() != null) {
        details.put("exitCode", batch.get().exitCode());
      }
    }
    if (stageStatus.equals("TERMINAL")) {
      String failure = status.failure() == null ? "Stage " + type + " failed" : status.failure();
      ObjectNode exception = context.putObject("exception");
      exception.put("exceptionType", "TaskFailedException");
      exception.put("shouldRetry", false);
      ObjectNode details = exception.putObject("details");
      details.put("error", "Unexpected Task Failure");
      details.putArray("errors").add(failure);
      exception.put("operation", type);
      ObjectNode kato = context.putArray("kato.tasks").addObject();
      kato.put("id", t.id + "-kato-" + (index + 1));
      kato.putObject("status").put("completed", true).put("failed", true).put("retryable", false);
      kato.putObject("exception").put("message", failure);
      kato.putArray("history");
    }
    s.set("context", context);
    s.putObject("outputs");
    s.putArray("tasks");
    s.set("requisiteStageRefIds", submitted.has("requisiteStageRefIds")
        ? submitted.node().get("requisiteStageRefIds").deepCopy() : JsonView.array());
    return s;
  }
}
