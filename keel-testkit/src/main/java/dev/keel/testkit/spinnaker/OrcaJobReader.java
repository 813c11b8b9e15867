package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.deploy.HourWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * Reads Orca's {@code POST /ops}: the {@code application/context+json} map Keel sends
 * ({@code {application, description, job, trigger}}, reference §4), or a plain JSON list of stages. Helper
 * stages ({@code dependsOnExecution}, a final {@code wait}, restricted time windows) become the task's
 * dependency, wait and window; the cloud's stages become its operations.
 */
final class OrcaJobReader {

  static final String CONTEXT_JSON = "application/context+json";

  private final Ec2Stages ec2;
  private final TitusStages titus;
  private final FakeIds ids;

  OrcaJobReader(Clouds clouds, FakeIds ids) {
    this.ec2 = new Ec2Stages(clouds, ids);
    this.titus = new TitusStages(clouds, ids);
    this.ids = ids;
  }

  /**
   * Reads a submission.
   *
   * @param r the request
   * @param jobOfTask the job of a task this fake runs, by task id, for the region a staggered deploy waits for
   * @return the job
   * @throws HttpProblem 400 for a body the fake cannot run, 415 for a map not sent as context JSON
   */
  OrcaJob read(Request r, Function<String, Optional<OrcaJob>> jobOfTask) {
    JsonView body = JsonView.parse(r.body(), "The task");
    String contentType = r.header("Content-Type") == null ? "" : r.header("Content-Type").toLowerCase(Locale.ROOT);
    List<JsonView> stages;
    String application;
    String description;
    JsonView trigger = null;
    if (body.isObject()) {
      if (!contentType.startsWith(CONTEXT_JSON)) {
        throw new HttpProblem(415, "A task map is posted as " + CONTEXT_JSON + ", not '" + contentType
            + "' (a plain JSON body is a list of stages)");
      }
      application = body.text("application");
      description = body.optText("description") != null ? body.text("description") : body.text("name", "");
      stages = body.array("job");
      trigger = body.optObject("trigger");
    } else {
      stages = body.elements();
      application = stages.isEmpty() ? "" : stages.get(0).text("application", "");
      description = "";
    }
    if (stages.isEmpty()) {
      throw HttpProblem.badRequest("The task has no stages (job is empty)");
    }
    String correlationId = trigger == null ? null : trigger.optText("correlationId");
    if (correlationId == null || correlationId.isEmpty()) {
      correlationId = ids.next("uncorrelated", application);
    }
    String afterTask = null;
    Duration waitAfter = null;
    HourWindow window = null;
    List<JsonView> cloudStages = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      JsonView stage = stages.get(i);
      String type = ServerGroupStages.type(stage);
      if (type.equals("dependsOnExecution")) {
        afterTask = stage.text("executionId");
      } else if (type.equals("wait")) {
        if (i != stages.size() - 1) {
          throw HttpProblem.badRequest(stage.path() + ": the fake Spinnaker runs a wait stage only last");
        }
        waitAfter = Duration.ofSeconds(stage.integer("waitTime"));
      } else {
        cloudStages.add(stage);
        window = window != null ? window : ServerGroupStages.window(stage);
      }
    }
    if (cloudStages.isEmpty()) {
      throw HttpProblem.badRequest("The task has only helper stages");
    }
    OrcaJob.Target target = target(cloudStages);
    List<CloudOperation> ops;
    dev.keel.titus.api.BatchJob batch = null;
    if (target == OrcaJob.Target.EC2) {
      ops = ec2.parse(cloudStages, trigger);
    } else {
      TitusStages.Parsed parsed = titus.parse(cloudStages);
      ops = parsed.operations();
      batch = parsed.batchJob();
    }
    ops = withWaves(ops, afterTask == null ? null : jobOfTask.apply(afterTask).orElse(null), window, waitAfter);
    String user = r.header(HttpService.USER_HEADER);
    return new OrcaJob(target, application, description, correlationId, ops, batch, afterTask, window, waitAfter,
        stages, trigger, user == null ? "anonymous" : user, r.header("X-SPINNAKER-USER-ORIGIN"));
  }

  private static OrcaJob.Target target(List<JsonView> stages) {
    OrcaJob.Target target = null;
    for (JsonView s : stages) {
      String type = ServerGroupStages.type(s);
      String provider = s.optText("cloudProvider");
      if (provider == null) {
        provider = s.optText("cloudProviderType");
      }
      OrcaJob.Target t = type.equals("runJob") || "titus".equals(provider) ? OrcaJob.Target.TITUS
          : type.equals("bake") || "aws".equals(provider) ? OrcaJob.Target.EC2 : null;
      if (t == null) {
        throw HttpProblem.badRequest(s.path() + ": " + type + " needs cloudProvider aws or titus");
      }
      if (target != null && target != t) {
        throw HttpProblem.badRequest("A task's stages run on one cloud in the fake Spinnaker, not on aws and titus");
      }
      target = t;
    }
    return target;
  }

  /** Gives each deploy its place in a staggered deploy: after the region of the task it depends on. */
  private static List<CloudOperation> withWaves(List<CloudOperation> ops, @Nullable OrcaJob after,
      @Nullable HourWindow window, @Nullable Duration waitAfter) {
    String afterRegion = after == null ? null : after.operations().stream()
        .filter(ServerGroupOperation.CreateServerGroup.class::isInstance).map(CloudOperation::region).findFirst()
        .orElse(null);
    if (afterRegion == null && window == null && waitAfter == null) {
      return ops;
    }
    List<CloudOperation> out = new ArrayList<>();
    for (CloudOperation op : ops) {
      if (op instanceof ServerGroupOperation.CreateServerGroup<?> c) {
        out.add(rewave(c, new DeployWave(c.region(), afterRegion, window, waitAfter)));
      } else {
        out.add(op);
      }
    }
    return out;
  }

  private static <G extends dev.keel.cloud.api.ClusterServerGroup<G, ?>> CloudOperation rewave(
      ServerGroupOperation.CreateServerGroup<G> c, DeployWave wave) {
    return new ServerGroupOperation.CreateServerGroup<>(c.serverGroup(), c.strategy(), c.source(), wave);
  }
}
