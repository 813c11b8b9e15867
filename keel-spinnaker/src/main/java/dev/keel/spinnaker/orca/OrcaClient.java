package dev.keel.spinnaker.orca;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.spinnaker.SpinnakerCallException;
import dev.keel.spinnaker.SpinnakerCallException.Kind;
import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.http.SpinnakerHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orca, as Keel uses it: tasks submitted with a correlation id, their status, the running executions of a
 * correlation id, and pipelines triggered by Keel.
 *
 * <p>A submission ({@code POST /ops}) is never repeated blindly. When it times out or fails with 429 or 5xx, the
 * task may have been created all the same, so the client asks Orca for a running execution of the correlation id
 * ({@code GET /executions/correlated/{id}}) and adopts it; only when none runs does it submit once more (Orca's own
 * correlation check makes a rare double submission harmless while the first task runs). A rejection (4xx) is
 * reported at once.
 */
public final class OrcaClient {

  private static final Logger LOG = LoggerFactory.getLogger(OrcaClient.class);

  private final SpinnakerHttp http;
  private final Clock clock;

  /**
   * A client.
   *
   * @param http the HTTP caller
   * @param clock the engine's clock, for submission times
   */
  public OrcaClient(SpinnakerHttp http, Clock clock) {
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Submits a task, adopting the running one of its correlation id after an uncertain failure.
   *
   * @param orchestration the task
   * @param user the {@code X-SPINNAKER-USER}, or null for the configured user
   * @return the task, just submitted or adopted
   * @throws SpinnakerCallException if it could not be submitted
   */
  public TaskExecution submit(Orchestration orchestration, @Nullable String user) {
    String correlationId = orchestration.request().correlationId();
    Map<String, Object> body = orchestration.body();
    String id;
    try {
      id = post(body, user);
    } catch (SpinnakerCallException e) {
      if (e.kind() == Kind.REJECTED || e.kind() == Kind.MALFORMED) {
        throw e;
      }
      List<String> running = correlated(correlationId);
      if (!running.isEmpty()) {
        LOG.info("{} failed ({}), but Orca runs task {} for {}: adopted, not submitted again", e.call(),
            e.getMessage(), running.get(0), correlationId);
        id = running.get(0);
      } else {
        LOG.info("{} failed ({}) and Orca runs no task for {}: submitting once more", e.call(), e.getMessage(),
            correlationId);
        id = post(body, user);
      }
    }
    return new TaskExecution(id, correlationId, orchestration.request().description(),
        TaskExecution.State.NOT_STARTED, null, clock.instant(), null);
  }

  private String post(Map<String, Object> body, @Nullable String user) {
    JsonNode ref = http.send("POST", SpinnakerHttp.ORCA, "/ops", body, SpinnakerHttp.CONTEXT_JSON, user,
        http.config().opsTimeout());
    return lastSegment(ref, "POST orca /ops");
  }

  private static String lastSegment(JsonNode ref, String call) {
    String text = ref.path("ref").asText("");
    String id = text.substring(text.lastIndexOf('/') + 1);
    if (id.isBlank()) {
      throw new SpinnakerCallException(Kind.MALFORMED, call, 200, "no {\"ref\": \"/tasks/<id>\"} in " + ref, null);
    }
    return id;
  }

  /**
   * The ids of the incomplete executions of a correlation id.
   *
   * @param correlationId the id
   * @return the ids, empty when none runs
   * @throws SpinnakerCallException if Orca cannot answer
   */
  public List<String> correlated(String correlationId) {
    return http.get(SpinnakerHttp.ORCA, "/executions/correlated/" + segment(correlationId), Map.of(), null)
        .map(n -> new JsonView(n).list(null).stream().filter(v -> !v.absent()).map(v -> v.node().asText())
            .toList())
        .orElse(List.of());
  }

  /**
   * A task's execution.
   *
   * @param taskId the id
   * @return it, or empty when Orca knows no such task (it keeps about 2000 per application)
   * @throws SpinnakerCallException if Orca cannot answer or the answer is not an execution
   */
  public Optional<OrcaExecution> task(String taskId) {
    return execution("/tasks/" + segment(taskId));
  }

  /**
   * A pipeline execution.
   *
   * @param executionId the id
   * @return it, or empty when unknown
   * @throws SpinnakerCallException if Orca cannot answer or the answer is not an execution
   */
  public Optional<OrcaExecution> pipeline(String executionId) {
    return execution("/pipelines/" + segment(executionId));
  }

  private Optional<OrcaExecution> execution(String path) {
    return http.get(SpinnakerHttp.ORCA, path, Map.of(), null).map(n -> {
      try {
        return OrcaExecution.parse(new JsonView(n));
      } catch (IllegalArgumentException e) {
        throw new SpinnakerCallException(Kind.MALFORMED, "GET orca " + path, 200, e.getMessage(), e);
      }
    });
  }

  /**
   * Triggers a pipeline ({@code POST /orchestrate/{pipelineConfigId}}), once.
   *
   * @param pipelineConfigId the pipeline's config id
   * @param trigger the trigger
   * @param user the {@code X-SPINNAKER-USER}, or null for the configured user
   * @return the execution id
   * @throws SpinnakerCallException if it could not be triggered
   */
  public String triggerPipeline(String pipelineConfigId, Map<String, Object> trigger, @Nullable String user) {
    String path = "/orchestrate/" + segment(pipelineConfigId);
    JsonNode ref = http.send("POST", SpinnakerHttp.ORCA, path, trigger, "application/json", user,
        http.config().opsTimeout());
    return lastSegment(ref, "POST orca " + path);
  }
}
