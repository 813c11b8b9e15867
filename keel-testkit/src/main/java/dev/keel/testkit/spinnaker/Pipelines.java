package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The pipelines of a {@link FakeSpinnaker}'s Orca, for {@code pipeline} constraints: {@code POST
 * /orchestrate/{pipelineConfigId}} starts an execution whose outcome the test scripts per pipeline config id
 * (by default it succeeds after a minute), played on the fake's clock; {@code GET /pipelines/{id}} and
 * {@code GET /pipelines?pipelineConfigIds=...} report it, {@code PUT /pipelines/{id}/cancel} cancels it.
 */
public final class Pipelines {

  private record Execution(String id, String pipelineConfigId, String application, Instant startedAt,
      PipelineOutcome outcome, ObjectNode trigger, @Nullable Instant canceledAt) {}

  private final Clock clock;
  private final FakeIds ids;
  private final Map<String, PipelineOutcome> scripts = new HashMap<>();
  private final Map<String, Execution> executions = new LinkedHashMap<>();
  private PipelineOutcome fallback = new PipelineOutcome.Succeeds(Duration.ofMinutes(1));

  Pipelines(Clock clock, FakeIds ids) {
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * Scripts how the executions of a pipeline config end from now on.
   *
   * @param pipelineConfigId the pipeline config id
   * @param outcome the outcome
   * @return this
   */
  public synchronized Pipelines script(String pipelineConfigId, PipelineOutcome outcome) {
    scripts.put(Objects.requireNonNull(pipelineConfigId, "pipelineConfigId"), Objects.requireNonNull(outcome));
    return this;
  }

  /**
   * Sets how executions of unscripted pipeline configs end (success after a minute by default).
   *
   * @param outcome the outcome
   * @return this
   */
  public synchronized Pipelines byDefault(PipelineOutcome outcome) {
    this.fallback = Objects.requireNonNull(outcome);
    return this;
  }

  /**
   * The pipeline config ids triggered so far, in order.
   *
   * @return the ids
   */
  public synchronized List<String> triggered() {
    return executions.values().stream().map(Execution::pipelineConfigId).toList();
  }

  synchronized String trigger(String pipelineConfigId, @Nullable JsonView body) {
    ObjectNode trigger = body != null && body.isObject() ? ((ObjectNode) body.node()).deepCopy() : JsonView.object();
    String application = trigger.hasNonNull("application") ? trigger.get("application").asText() : "";
    String id = ids.next("pipeline", pipelineConfigId);
    executions.put(id, new Execution(id, pipelineConfigId, application, clock.instant(),
        scripts.getOrDefault(pipelineConfigId, fallback), trigger, null));
    return id;
  }

  synchronized boolean cancel(String id) {
    Execution e = executions.get(id);
    if (e == null) {
      return false;
    }
    if (!complete(status(e))) {
      executions.put(id, new Execution(e.id, e.pipelineConfigId, e.application, e.startedAt, e.outcome, e.trigger,
          clock.instant()));
    }
    return true;
  }

  synchronized Optional<ObjectNode> execution(String id) {
    return Optional.ofNullable(executions.get(id)).map(this::render);
  }

  /** Executions filtered as {@code GET /pipelines} filters them, newest first. */
  synchronized List<ObjectNode> executions(Set<String> configIds, Set<String> executionIds, Set<String> statuses,
      int limit) {
    List<Execution> all = new ArrayList<>(executions.values());
    java.util.Collections.reverse(all);
    return all.stream()
        .filter(e -> configIds.isEmpty() || configIds.contains(e.pipelineConfigId))
        .filter(e -> executionIds.isEmpty() || executionIds.contains(e.id))
        .filter(e -> statuses.isEmpty() || statuses.contains(status(e)))
        .limit(limit).map(this::render).toList();
  }

  private static boolean complete(String status) {
    return !status.equals("RUNNING");
  }

  private String status(Execution e) {
    if (e.canceledAt != null) {
      return "CANCELED";
    }
    Instant now = clock.instant();
    if (e.outcome instanceof PipelineOutcome.Succeeds s) {
      return now.isBefore(e.startedAt.plus(s.after())) ? "RUNNING" : "SUCCEEDED";
    }
    if (e.outcome instanceof PipelineOutcome.Fails f) {
      return now.isBefore(e.startedAt.plus(f.after())) ? "RUNNING" : "TERMINAL";
    }
    return "RUNNING";
  }

  @Nullable
  private Instant endedAt(Execution e) {
    if (e.canceledAt != null) {
      return e.canceledAt;
    }
    if (e.outcome instanceof PipelineOutcome.Succeeds s) {
      return e.startedAt.plus(s.after());
    }
    return e.outcome instanceof PipelineOutcome.Fails f ? e.startedAt.plus(f.after()) : null;
  }

  private ObjectNode render(Execution e) {
    String status = status(e);
    ObjectNode o = JsonView.object();
    o.put("id", e.id);
    o.put("type", "PIPELINE");
    o.put("application", e.application);
    o.put("name", e.pipelineConfigId);
    o.put("pipelineConfigId", e.pipelineConfigId);
    o.put("buildTime", e.startedAt.toEpochMilli());
    o.put("startTime", e.startedAt.toEpochMilli());
    Instant end = complete(status) ? endedAt(e) : null;
    if (end == null) {
      o.putNull("endTime");
    } else {
      o.put("endTime", end.toEpochMilli());
    }
    o.put("status", status);
    o.put("canceled", status.equals("CANCELED"));
    o.set("trigger", e.trigger.deepCopy());
    ObjectNode stage = o.putArray("stages").addObject();
    stage.put("id", e.id + "-1");
    stage.put("refId", "1");
    stage.put("type", "wait");
    stage.put("name", "Pipeline " + e.pipelineConfigId);
    stage.put("status", status);
    ObjectNode context = stage.putObject("context");
    if (status.equals("TERMINAL") && e.outcome instanceof PipelineOutcome.Fails f) {
      ObjectNode exception = context.putObject("exception");
      exception.putObject("details").put("error", f.message()).putArray("errors").add(f.message());
    }
    return o;
  }
}
