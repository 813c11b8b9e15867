package dev.keel.testkit.spinnaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.keel.titus.api.BatchJob;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Orca's endpoints (reference §3): {@code POST /ops}, {@code GET /tasks/{id}},
 * {@code GET /executions/correlated/{id}}, {@code PUT /tasks/{id}/cancel} and {@code PUT /tasks/cancel}, and the
 * pipelines of {@code pipeline} constraints.
 */
final class OrcaRoutes {

  private final OrcaJobReader reader;
  private final OrcaTasks tasks;
  private final Pipelines pipelines;

  OrcaRoutes(OrcaJobReader reader, OrcaTasks tasks, Pipelines pipelines) {
    this.reader = reader;
    this.tasks = tasks;
    this.pipelines = pipelines;
  }

  Router router() {
    return new Router()
        .add("POST", "/ops", this::submit)
        .add("GET", "/tasks/{id}", this::task)
        .add("PUT", "/tasks/cancel", this::cancelAll)
        .add("PUT", "/tasks/{id}/cancel", this::cancel)
        .add("GET", "/executions/correlated/{correlationId}", this::correlated)
        .add("POST", "/orchestrate/{pipelineConfigId}", this::orchestrate)
        .add("GET", "/pipelines/{id}", this::pipeline)
        .add("PUT", "/pipelines/{id}/cancel", this::cancelPipeline)
        .add("GET", "/pipelines", this::pipelines);
  }

  private static Response ok(Object json) {
    return Response.json(200, JsonView.write(json));
  }

  private Response submit(Request r) {
    OrcaJob job = reader.read(r, id -> tasks.task(id).map(t -> t.job));
    String failure = r.fault() instanceof Fault.FailTask f ? f.text() : null;
    String id = tasks.submit(job, failure);
    return ok(Map.of("ref", "/tasks/" + id));
  }

  private Response task(Request r) {
    String id = r.param("id");
    OrcaTasks.Tracked t = tasks.task(id).orElseThrow(() -> HttpProblem.notFound("Execution not found: " + id));
    Optional<BatchJob.Status> batch = tasks.batchStatus(t);
    return ok(ExecutionJson.render(t, tasks.status(id), batch));
  }

  private Response correlated(Request r) {
    return ok(JsonView.strings(tasks.correlated(r.param("correlationId"))));
  }

  private Response cancel(Request r) {
    if (!tasks.cancel(r.param("id"))) {
      throw HttpProblem.notFound("Execution not found: " + r.param("id"));
    }
    return Response.empty(202);
  }

  private Response cancelAll(Request r) {
    JsonView body = JsonView.parse(r.body(), "The list of task ids");
    for (JsonView id : body.elements()) {
      tasks.cancel(id.node().asText());
    }
    return Response.empty(202);
  }

  private Response orchestrate(Request r) {
    JsonView body = r.body().isBlank() ? null : JsonView.parse(r.body(), "The trigger");
    String id = pipelines.trigger(r.param("pipelineConfigId"), body);
    return ok(Map.of("ref", "/pipelines/" + id));
  }

  private Response pipeline(Request r) {
    return ok(pipelines.execution(r.param("id")).orElseThrow(() -> HttpProblem.notFound("Execution not found: "
        + r.param("id"))));
  }

  private Response cancelPipeline(Request r) {
    if (!pipelines.cancel(r.param("id"))) {
      throw HttpProblem.notFound("Execution not found: " + r.param("id"));
    }
    return Response.empty(202);
  }

  private Response pipelines(Request r) {
    int limit = Integer.parseInt(r.query("limit", "100"));
    ArrayNode out = JsonView.array();
    pipelines.executions(csv(r.query("pipelineConfigIds")), csv(r.query("executionIds")), csv(r.query("statuses")),
        limit).forEach(out::add);
    return ok(out);
  }

  private static Set<String> csv(String value) {
    Set<String> out = new LinkedHashSet<>();
    if (value != null) {
      for (String v : List.of(value.split(","))) {
        if (!v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    return out;
  }
}
