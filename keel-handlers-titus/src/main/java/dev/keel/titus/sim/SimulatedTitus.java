package dev.keel.titus.sim;

import dev.keel.support.sim.SimIds;
import dev.keel.support.sim.SimTimeline;
import dev.keel.support.sim.SimulatedCloud;

import dev.keel.titus.cloud.BatchJob;
import dev.keel.titus.cloud.DockerImage;
import dev.keel.titus.cloud.JobState;
import dev.keel.support.task.TaskExecution;
import dev.keel.titus.cloud.TaskRequest;
import dev.keel.titus.cloud.TitusAccount;
import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.cloud.TitusOperation;
import dev.keel.titus.cloud.TitusReadException;
import dev.keel.titus.model.TitusServerGroup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.Nullable;

/**
 * A simulated Titus (with Orca-like tasks) behind {@link TitusCloud}, on an injected clock. Tasks run their
 * operations as stages, one after another, as the clock advances; deploy strategies behave as in Spinnaker;
 * jobs get increasing sequence numbers and job ids; tasks become healthy after a boot time; writes become
 * visible to reads after a read lag; batch jobs run for a while and exit with a code a test may choose; and
 * faults can be injected. It never starts threads: every call first catches up with the clock.
 */
public final class SimulatedTitus implements TitusCloud, SimulatedCloud {

  private final SimTimeline timeline;
  private final SimJobs jobs;
  private final Map<String, TitusAccount> accounts = new LinkedHashMap<>();
  private final Map<String, Set<String>> accountRegions = new HashMap<>();
  private final Map<String, List<DockerImage>> images = new HashMap<>();
  private final Set<String> securityGroups = new HashSet<>();
  private final Map<String, SimTask> tasks = new LinkedHashMap<>();
  private final Map<String, SimTask> runningByCorrelation = new HashMap<>();
  private final Map<String, List<SimTask>> waitingOn = new HashMap<>();
  private final List<TaskRequest> submitted = new ArrayList<>();
  private final Map<String, String> failNextStage = new HashMap<>();
  private final Map<String, Integer> failCount = new HashMap<>();
  private final Map<String, BatchRun> batchJobs = new LinkedHashMap<>();
  private final Map<String, Integer> exitCodes = new HashMap<>();
  private int failReads;
  /** How many tasks each correlation id has had, which numbers its tasks (see {@link SimIds#serial}). */
  private final Map<String, Integer> tasksPerCorrelation = new HashMap<>();
  private Duration stageDuration = Duration.ofSeconds(30);
  private Duration batchDuration = Duration.ofMinutes(3);

  /**
   * A simulated Titus with no accounts.
   *
   * @param clock the clock tasks progress on
   */
  public SimulatedTitus(Clock clock) {
    this.timeline = new SimTimeline(clock);
    this.jobs = new SimJobs(timeline);
  }

  /**
   * A simulated Titus with accounts {@code test} (environment test) and {@code prod}, each backed by an AWS
   * account of the same name with registry {@code <account>registry}, in us-east-1, us-west-1, us-west-2 and
   * eu-west-1.
   *
   * @param clock the clock
   * @return the simulator
   */
  public static SimulatedTitus withDefaults(Clock clock) {
    SimulatedTitus sim = new SimulatedTitus(clock);
    String[] regions = {"us-east-1", "us-west-1", "us-west-2", "eu-west-1"};
    sim.account(new TitusAccount("test", "test", "123456789012", "testregistry", "test"), regions);
    sim.account(new TitusAccount("prod", "prod", "210987654321", "prodregistry", "prod"), regions);
    return sim;
  }

  // ---- seeding, configuration and faults ----------------------------------------------------------------

  /**
   * Adds an account.
   *
   * @param account the account
   * @return this
   */
  public synchronized SimulatedTitus account(TitusAccount account) {
    accounts.put(account.name(), account);
    accountRegions.computeIfAbsent(account.name(), k -> new java.util.TreeSet<>());
    return this;
  }

  /**
   * Adds an account (or replaces its attributes) and regions it runs in.
   *
   * @param account the account
   * @param regions regions to add to those it has
   * @return this
   */
  public synchronized SimulatedTitus account(TitusAccount account, String... regions) {
    account(account);
    accountRegions.get(account.name()).addAll(List.of(regions));
    return this;
  }

  /**
   * The names of the known accounts.
   *
   * @return the names, in the order they were added
   */
  public synchronized Set<String> accounts() {
    return java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(accounts.keySet()));
  }

  /**
   * Pushes a tag of an image to a registry (several tags may share a digest).
   *
   * @param registry the registry
   * @param image the tag
   * @return this
   */
  public synchronized SimulatedTitus push(String registry, DockerImage image) {
    images.computeIfAbsent(registry + "/" + image.repository(), k -> new ArrayList<>()).add(image);
    return this;
  }

  /**
   * Creates a security group in an AWS account and region.
   *
   * @param awsAccount the AWS account
   * @param region the region
   * @param name the name
   * @return this
   */
  public synchronized SimulatedTitus securityGroup(String awsAccount, String region, String name) {
    securityGroups.add(awsAccount + "/" + region + "/" + name);
    return this;
  }

  /**
   * Sets how long writes take to become visible to reads (0 by default).
   *
   * @param lag the lag
   * @return this
   */
  public synchronized SimulatedTitus readLag(Duration lag) {
    jobs.readLag = lag;
    return this;
  }

  /**
   * Sets how long a simple stage takes (30 seconds by default).
   *
   * @param duration the time
   * @return this
   */
  public synchronized SimulatedTitus stageDuration(Duration duration) {
    this.stageDuration = duration;
    return this;
  }

  /**
   * Sets how long new tasks take to become healthy (2 minutes by default).
   *
   * @param bootTime the time
   * @return this
   */
  public synchronized SimulatedTitus bootTime(Duration bootTime) {
    jobs.bootTime = bootTime;
    return this;
  }

  /**
   * Sets how long a batch job's container runs (3 minutes by default).
   *
   * @param duration the time
   * @return this
   */
  public synchronized SimulatedTitus batchDuration(Duration duration) {
    this.batchDuration = duration;
    return this;
  }

  /**
   * Makes containers of an image ({@code organization/image:tag}) exit with a code (0 by default).
   *
   * @param image the image
   * @param exitCode the exit code
   */
  public synchronized void containerExits(String image, int exitCode) {
    exitCodes.put(image, exitCode);
  }

  /**
   * Makes the next stage of an operation type (such as {@code createServerGroup}) fail.
   *
   * @param operationType the operation type
   * @param message the failure, as the task will report it
   */
  public synchronized void failNextStage(String operationType, String message) {
    failNextStages(operationType, message, 1);
  }

  /**
   * Makes the next stages of an operation type fail.
   *
   * @param operationType the operation type
   * @param message the failure, as the tasks will report it
   * @param count how many stages fail
   */
  public synchronized void failNextStages(String operationType, String message, int count) {
    failNextStage.put(operationType, message);
    failCount.put(operationType, count);
  }

  /**
   * Makes tasks launched from now on never become healthy.
   *
   * @param never true to keep them unhealthy
   */
  public synchronized void tasksNeverHealthy(boolean never) {
    jobs.neverHealthy = never;
  }

  @Override
  public void launchedNeverHealthy(boolean never) {
    tasksNeverHealthy(never);
  }

  /**
   * Makes the next reads fail as a 5xx would.
   *
   * @param count how many reads fail
   */
  public synchronized void failNextReads(int count) {
    failReads = count;
  }

  /**
   * Someone resizes a job by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the job
   * @param desired the new task count
   */
  public synchronized void externalResize(String account, String region, String serverGroup, int desired) {
    timeline.catchUp();
    jobs.resizeByHand(account, region, serverGroup, desired);
  }

  /**
   * Someone enables a job by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the job
   */
  public synchronized void externalEnable(String account, String region, String serverGroup) {
    timeline.catchUp();
    jobs.enable(account, region, serverGroup);
  }

  /**
   * Someone disables a job by hand.
   *
   * @param account the account
   * @param region the region
   * @param serverGroup the job
   */
  public synchronized void externalDisable(String account, String region, String serverGroup) {
    timeline.catchUp();
    jobs.disable(account, region, serverGroup);
  }

  /**
   * Adds a job that was running before the simulation started, at once, without a task and visible to reads at
   * once: created a day ago (or just after the newest job of its cluster), its tasks healthy unless told
   * otherwise. Add the jobs of a cluster oldest first.
   *
   * @param model the job; its name is the cluster's (or a server group's) and its location says where it runs
   * @param name the server group's name, such as {@code fnord-main-v003}, or null for the cluster's next
   * @param enabled whether it takes traffic
   * @param healthy whether its tasks are healthy
   * @return the server group's name
   * @throws IllegalArgumentException if the name has no sequence or does not come after the cluster's newest
   */
  public synchronized String existingServerGroup(TitusServerGroup model, @Nullable String name, boolean enabled,
      boolean healthy) {
    timeline.catchUp();
    return jobs.existing(model, name, enabled, healthy);
  }

  /**
   * The digest of a tag in a registry, as pushed (without injected read failures).
   *
   * @param registry the registry
   * @param repository {@code organization/image}
   * @param tag the tag
   * @return the newest digest pushed under the tag, or empty
   */
  public synchronized Optional<String> digest(String registry, String repository, String tag) {
    return images.getOrDefault(registry + "/" + repository, List.of()).stream().filter(i -> i.tag().equals(tag))
        .max(Comparator.comparing(DockerImage::createdAt)).map(DockerImage::digest);
  }

  /**
   * Runs every event due by the clock; useful after the clock moved without any call into the simulator.
   */
  public synchronized void catchUp() {
    timeline.catchUp();
  }

  /** The simulator's time, after catching up with the clock. */
  synchronized Instant now() {
    timeline.catchUp();
    return timeline.now();
  }

  /**
   * Someone runs an operation by hand, outside any task; it completes as the clock advances.
   *
   * @param operation the operation
   */
  public synchronized void externalApply(TitusOperation operation) {
    timeline.catchUp();
    jobs.run(operation, new SimJobs.StageCallback() {
      @Override
      public void done() {}

      @Override
      public void failed(String message) {
        throw new IllegalStateException("Could not apply " + operation.description() + ": " + message);
      }
    });
  }

  // ---- observation --------------------------------------------------------------------------------------

  /**
   * Every task request submitted, including ones answered with an already running task.
   *
   * @return the requests in order
   */
  public synchronized List<TaskRequest> submitted() {
    return List.copyOf(submitted);
  }

  /**
   * Every task started, in order.
   *
   * @return their statuses
   */
  public synchronized List<TaskExecution> tasks() {
    timeline.catchUp();
    return tasks.values().stream().map(SimTask::execution).toList();
  }

  /**
   * Every batch job started, in order.
   *
   * @return the jobs
   */
  public synchronized List<BatchJob> batchJobs() {
    return batchJobs.values().stream().map(BatchRun::job).toList();
  }

  /**
   * The true jobs of a cluster, without read lag.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster
   * @return the jobs, oldest first
   */
  public synchronized List<JobState> truth(String account, String region, String cluster) {
    timeline.catchUp();
    return jobs.truth(account, region, cluster);
  }

  @Override
  public synchronized List<String> serverGroupNames(String account, String region, String cluster) {
    return truth(account, region, cluster).stream().map(JobState::name).toList();
  }

  // ---- reads --------------------------------------------------------------------------------------------

  private <T> T read(String what, Supplier<T> read) {
    timeline.catchUp();
    if (failReads > 0) {
      failReads--;
      throw new TitusReadException("Simulated Titus returned 503 reading " + what + "; the read will be retried");
    }
    return read.get();
  }

  @Override
  public synchronized List<JobState> serverGroups(String account, String region, String cluster) {
    return read("jobs of " + cluster, () -> jobs.visibleJobs(account, region, cluster));
  }

  @Override
  public synchronized List<DockerImage> images(String registry, String repository) {
    return read("images of " + repository, () -> images.getOrDefault(registry + "/" + repository, List.of()).stream()
        .sorted(Comparator.comparing(DockerImage::createdAt).reversed()).toList());
  }

  @Override
  public synchronized Set<String> regions(String account) {
    timeline.catchUp();
    Set<String> out = new java.util.TreeSet<>(accountRegions.getOrDefault(account, Set.of()));
    out.addAll(jobs.regions(account));
    return java.util.Collections.unmodifiableSet(out);
  }

  @Override
  public synchronized Optional<TitusAccount> account(String account) {
    return Optional.ofNullable(accounts.get(account));
  }

  @Override
  public synchronized boolean securityGroupExists(String awsAccount, String region, String name) {
    return securityGroups.contains(awsAccount + "/" + region + "/" + name);
  }

  // ---- batch jobs ---------------------------------------------------------------------------------------

  private record BatchRun(String id, BatchJob job, Instant endsAt, int exitCode) {}

  @Override
  public synchronized String runJob(BatchJob job) {
    timeline.catchUp();
    String id = "titus-batch-" + (batchJobs.size() + 1);
    batchJobs.put(id, new BatchRun(id, job, timeline.now().plus(batchDuration), exitCodes.getOrDefault(job.image(), 0)));
    return id;
  }

  @Override
  public synchronized Optional<BatchJob.Status> job(String jobId) {
    timeline.catchUp();
    return Optional.ofNullable(batchJobs.get(jobId)).map(r -> {
      if (timeline.now().isBefore(r.endsAt)) {
        return new BatchJob.Status(r.id, BatchJob.State.RUNNING, null, null);
      }
      return r.exitCode == 0 ? new BatchJob.Status(r.id, BatchJob.State.SUCCEEDED, 0, null)
          : new BatchJob.Status(r.id, BatchJob.State.FAILED, r.exitCode, "Container " + r.job.image() + " exited with "
              + r.exitCode);
    });
  }

  // ---- tasks --------------------------------------------------------------------------------------------

  @Override
  public synchronized TaskExecution submit(TaskRequest request) {
    timeline.catchUp();
    submitted.add(request);
    SimTask running = runningByCorrelation.get(request.correlationId());
    if (running != null) {
      return running.execution();
    }
    int ordinal = tasksPerCorrelation.merge(request.correlationId(), 1, Integer::sum);
    SimTask task = new SimTask("titus-task-" + SimIds.serial(request.correlationId(), ordinal), request, timeline.now());
    tasks.put(task.id, task);
    runningByCorrelation.put(request.correlationId(), task);
    timeline.at(timeline.now(), () -> tryStart(task));
    return task.execution();
  }

  @Override
  public synchronized boolean isRunning(String correlationId) {
    timeline.catchUp();
    return runningByCorrelation.containsKey(correlationId);
  }

  @Override
  public synchronized Optional<TaskExecution> task(String taskId) {
    timeline.catchUp();
    return Optional.ofNullable(tasks.get(taskId)).map(SimTask::execution);
  }

  private void tryStart(SimTask task) {
    String after = task.request.afterTask();
    if (after != null) {
      SimTask dep = tasks.get(after);
      if (dep != null && !dep.state.isComplete()) {
        waitingOn.computeIfAbsent(after, k -> new ArrayList<>()).add(task);
        return;
      }
      if (dep != null && dep.state == TaskExecution.State.TERMINAL) {
        end(task, "The task it depends on (" + after + ") failed: " + dep.failure);
        return;
      }
    }
    var window = task.request.window();
    Instant now = timeline.now();
    if (window != null && !window.contains(now.atZone(java.time.ZoneOffset.UTC).getHour())) {
      timeline.at(now.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofHours(1)), () -> tryStart(task));
      return;
    }
    task.state = TaskExecution.State.RUNNING;
    timeline.at(now.plus(stageDuration), () -> runStage(task, 0));
  }

  private void runStage(SimTask task, int index) {
    List<TitusOperation> ops = task.request.operations();
    if (index >= ops.size()) {
      Duration wait = task.request.waitAfter();
      if (wait != null && !task.waited) {
        task.waited = true;
        timeline.at(timeline.now().plus(wait), () -> runStage(task, index));
        return;
      }
      end(task, null);
      return;
    }
    TitusOperation op = ops.get(index);
    String injected = failNextStage.get(op.type());
    if (injected != null) {
      if (failCount.merge(op.type(), -1, Integer::sum) <= 0) {
        failNextStage.remove(op.type());
        failCount.remove(op.type());
      }
      end(task, "Stage " + op.type() + " failed: " + injected);
      return;
    }
    jobs.run(op, new SimJobs.StageCallback() {
      @Override
      public void done() {
        timeline.at(timeline.now().plus(stageDuration), () -> runStage(task, index + 1));
      }

      @Override
      public void failed(String message) {
        end(task, "Stage " + op.type() + " failed: " + message);
      }
    });
  }

  private void end(SimTask task, @Nullable String failure) {
    task.state = failure == null ? TaskExecution.State.SUCCEEDED : TaskExecution.State.TERMINAL;
    task.failure = failure;
    task.endedAt = timeline.now();
    runningByCorrelation.remove(task.request.correlationId(), task);
    for (SimTask waiting : waitingOn.getOrDefault(task.id, List.of())) {
      timeline.at(timeline.now(), () -> tryStart(waiting));
    }
    waitingOn.remove(task.id);
  }

  /** A task inside the simulator. */
  private static final class SimTask {
    final String id;
    final TaskRequest request;
    final Instant submittedAt;
    TaskExecution.State state = TaskExecution.State.NOT_STARTED;
    @Nullable String failure;
    @Nullable Instant endedAt;
    boolean waited;

    SimTask(String id, TaskRequest request, Instant submittedAt) {
      this.id = id;
      this.request = request;
      this.submittedAt = submittedAt;
    }

    TaskExecution execution() {
      return new TaskExecution(id, request.correlationId(), request.description(), state, failure, submittedAt, endedAt);
    }
  }
}
