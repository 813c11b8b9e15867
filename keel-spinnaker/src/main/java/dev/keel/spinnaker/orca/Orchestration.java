package dev.keel.spinnaker.orca;

import dev.keel.cloud.api.TaskRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body Keel posts to Orca's {@code /ops} for one task ({@code application/context+json}):
 * {@code {name, application, description, job, trigger}}. The job is the stages in order, chained by
 * {@code refId}/{@code requisiteStageRefIds}, each with {@code user: "Spinnaker"}: first a
 * {@code dependsOnExecution} stage when the task waits for another, then the operations' stages (the first of which
 * carries the task's execution window), then a {@code wait} stage for a pause after it. The trigger is Keel's:
 * {@code {correlationId, notifications: [], type: "keel", user: "keel", artifacts, parameters: {}}}.
 *
 * @param request the task
 * @param stages the operations' stages, in order, without refIds
 * @param artifacts the trigger's artifacts (a bake's package), usually none
 */
public record Orchestration(TaskRequest request, List<Map<String, Object>> stages,
    List<Map<String, Object>> artifacts) {

  /** Checks and copies. */
  public Orchestration {
    Objects.requireNonNull(request, "request");
    stages = List.copyOf(stages);
    artifacts = List.copyOf(artifacts);
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("A task needs at least one stage");
    }
  }

  /**
   * The body.
   *
   * @return the JSON object, as maps and lists
   */
  public Map<String, Object> body() {
    List<Map<String, Object>> job = new ArrayList<>();
    if (request.afterTask() != null) {
      Map<String, Object> wait = new LinkedHashMap<>();
      wait.put("type", "dependsOnExecution");
      wait.put("executionId", request.afterTask());
      wait.put("executionType", "orchestration");
      job.add(wait);
    }
    for (int i = 0; i < stages.size(); i++) {
      Map<String, Object> stage = new LinkedHashMap<>(stages.get(i));
      if (i == 0 && request.window() != null) {
        stage.put("restrictExecutionDuringTimeWindow", true);
        stage.put("restrictedExecutionWindow", Map.of("whitelist", List.of(Map.of(
            "startHour", request.window().startHour(), "startMin", 0,
            "endHour", request.window().endHour(), "endMin", 0))));
      }
      job.add(stage);
    }
    if (request.waitAfter() != null) {
      Map<String, Object> wait = new LinkedHashMap<>();
      wait.put("type", "wait");
      wait.put("waitTime", request.waitAfter().toSeconds());
      job.add(wait);
    }
    for (int i = 0; i < job.size(); i++) {
      Map<String, Object> stage = job.get(i);
      stage.put("refId", String.valueOf(i + 1));
      stage.put("requisiteStageRefIds", i == 0 ? List.of() : List.of(String.valueOf(i)));
      stage.putIfAbsent("user", "Spinnaker");
    }
    Map<String, Object> trigger = new LinkedHashMap<>();
    trigger.put("correlationId", request.correlationId());
    trigger.put("notifications", List.of());
    trigger.put("type", "keel");
    trigger.put("user", "keel");
    trigger.put("artifacts", artifacts);
    trigger.put("parameters", Map.of());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", request.description());
    body.put("application", request.application());
    body.put("description", request.description());
    body.put("job", job);
    body.put("trigger", trigger);
    return body;
  }
}
