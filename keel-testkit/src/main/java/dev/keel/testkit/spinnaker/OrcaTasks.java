package dev.keel.testkit.spinnaker;

import dev.keel.cloud.api.ClusterCloud;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.titus.api.BatchJob;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Orca's executions of the fake, with Orca's semantics on top of the cloud's tasks: a submission whose
 * correlation id has an incomplete execution answers with that execution; a completed one is not correlated any
 * more; a canceled one is complete at once (its cloud task is left to finish, and the cloud gets a fresh
 * correlation id for the next submission); a batch job's execution follows the job; an injected failure is a
 * task that fails at once without reaching the cloud. Ids are the cloud's task ids, or derived from the
 * correlation id.
 */
final class OrcaTasks {

  /** Orca's status of an execution, with its failure and times. */
  record Status(String name, @Nullable String failure, Instant submittedAt, @Nullable Instant startedAt,
      @Nullable Instant endedAt) {
    boolean complete() {
      return switch (name) {
        case "SUCCEEDED", "TERMINAL", "CANCELED", "STOPPED", "FAILED_CONTINUE" -> true;
        default -> false;
      };
    }
  }

  /** An execution the fake runs. */
  static final class Tracked {
    final String id;
    final OrcaJob job;
    final Instant submittedAt;
    @Nullable final String batchJobId;
    @Nullable final String injectedFailure;
    @Nullable Instant canceledAt;
    @Nullable Instant batchEndedAt;

    Tracked(String id, OrcaJob job, Instant submittedAt, @Nullable String batchJobId, @Nullable String failure) {
      this.id = id;
      this.job = job;
      this.submittedAt = submittedAt;
      this.batchJobId = batchJobId;
      this.injectedFailure = failure;
    }
  }

  private final Clouds clouds;
  private final FakeIds ids;
  private final Clock clock;
  private final Map<String, Tracked> tasks = new LinkedHashMap<>();
  private final Map<String, List<String>> byCorrelation = new HashMap<>();
  private final Map<String, Integer> submissions = new HashMap<>();
  private final Map<String, Integer> generations = new HashMap<>();

  OrcaTasks(Clouds clouds, FakeIds ids, Clock clock) {
    this.clouds = clouds;
    this.ids = ids;
    this.clock = clock;
  }

  private ClusterCloud<?, ?> cloud(OrcaJob.Target target) {
    return target == OrcaJob.Target.EC2 ? clouds.ec2() : clouds.titus();
  }

  /**
   * Submits a job, or answers with the incomplete execution of its correlation id.
   *
   * @param job the job
   * @param failure the failure of an injected failing task, or null
   * @return the execution id
   */
  synchronized String submit(OrcaJob job, @Nullable String failure) {
    String cid = job.correlationId();
    submissions.merge(cid, 1, Integer::sum);
    for (String id : byCorrelation.getOrDefault(cid, List.of())) {
      if (!status(tasks.get(id)).complete()) {
        return id;
      }
    }
    Instant now = clock.instant();
    Tracked t;
    if (failure != null) {
      t = new Tracked(ids.next("orca-task", cid), job, now, null, failure);
    } else if (job.batchJob() != null) {
      String jobId = clouds.titus().runJob(job.batchJob());
      t = new Tracked(ids.next("orca-task", cid), job, now, jobId, null);
    } else {
      ClusterCloud<?, ?> cloud = cloud(job.target());
      String cloudCid = cloudCorrelationId(cloud, cid);
      TaskExecution exec = cloud.submit(job.request(cloudCid));
      t = new Tracked(exec.id(), job, exec.submittedAt(), null, null);
    }
    tasks.put(t.id, t);
    byCorrelation.computeIfAbsent(cid, k -> new ArrayList<>()).add(t.id);
    return t.id;
  }

  /** The cloud's correlation id: Orca's, suffixed once a canceled execution of it still runs in the cloud. */
  private String cloudCorrelationId(ClusterCloud<?, ?> cloud, String cid) {
    int generation = generations.getOrDefault(cid, 0);
    String candidate = generation == 0 ? cid : cid + "#" + generation;
    while (cloud.isRunning(candidate)) {
      generation++;
      candidate = cid + "#" + generation;
    }
    generations.put(cid, generation);
    return candidate;
  }

  synchronized Optional<Tracked> task(String id) {
    return Optional.ofNullable(tasks.get(id));
  }

  synchronized Status status(String id) {
    return status(tasks.get(id));
  }

  /** The incomplete executions of a correlation id. */
  synchronized List<String> correlated(String correlationId) {
    List<String> out = new ArrayList<>();
    for (String id : byCorrelation.getOrDefault(correlationId, List.of())) {
      if (!status(tasks.get(id)).complete()) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Cancels an execution.
   *
   * @return false for an unknown id
   */
  synchronized boolean cancel(String id) {
    Tracked t = tasks.get(id);
    if (t == null) {
      return false;
    }
    if (!status(t).complete()) {
      t.canceledAt = clock.instant();
    }
    return true;
  }

  synchronized int submissions(String correlationId) {
    return submissions.getOrDefault(correlationId, 0);
  }

  private Status status(Tracked t) {
    if (t.canceledAt != null) {
      return new Status("CANCELED", null, t.submittedAt, t.submittedAt, t.canceledAt);
    }
    if (t.injectedFailure != null) {
      return new Status("TERMINAL", t.injectedFailure, t.submittedAt, t.submittedAt, t.submittedAt);
    }
    if (t.batchJobId != null) {
      BatchJob.Status s = clouds.titus().job(t.batchJobId).orElseThrow(() -> new HttpProblem(500,
          "Titus lost batch job " + t.batchJobId));
      if (s.state() == BatchJob.State.RUNNING) {
        return new Status("RUNNING", null, t.submittedAt, t.submittedAt, null);
      }
      if (t.batchEndedAt == null) {
        t.batchEndedAt = clock.instant();
      }
      return s.state() == BatchJob.State.SUCCEEDED
          ? new Status("SUCCEEDED", null, t.submittedAt, t.submittedAt, t.batchEndedAt)
          : new Status("TERMINAL", s.message() == null ? "Container exited with " + s.exitCode() : s.message(),
              t.submittedAt, t.submittedAt, t.batchEndedAt);
    }
    TaskExecution e = cloud(t.job.target()).task(t.id).orElseThrow(() -> new HttpProblem(500,
        "The cloud lost task " + t.id));
    Instant started = e.state() == TaskExecution.State.NOT_STARTED ? null : e.submittedAt();
    return new Status(e.state().name(), e.failure(), e.submittedAt(), started, e.endedAt());
  }

  /** The batch job's status of a {@code runJob} execution, or empty. */
  synchronized Optional<BatchJob.Status> batchStatus(Tracked t) {
    return t.batchJobId == null ? Optional.empty() : clouds.titus().job(t.batchJobId);
  }
}
