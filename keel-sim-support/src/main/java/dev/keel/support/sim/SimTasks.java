package dev.keel.support.sim;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.TaskExecution;
import dev.keel.cloud.api.TaskRequest;
import dev.keel.cloud.api.deploy.HourWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Orca-like tasks on a {@link SimTimeline}: a submitted task waits for the task it depends on and for its hour
 * window, then runs its operations one after another as stages (each through the cloud's {@link Stages}), then
 * its final wait. A running correlation id answers a second submission with the running task. The next stages
 * of an operation type can be made to fail. Not thread-safe: the simulated cloud that owns it calls it under
 * its own lock, after catching up with the clock.
 */
public final class SimTasks {

  /** Where one operation reports its end. */
  public interface StageCallback {

    /** It succeeded. */
    void done();

    /**
     * It failed.
     *
     * @param message why
     */
    void failed(String message);
  }

  /** How a stage of a task ends, as its cloud reports it. */
  public interface StageEnd extends StageCallback {

    /** The stage succeeded; the next starts after the stage duration. */
    @Override
    void done();

    /**
     * The stage failed: the task fails with {@code Stage <type> failed: <message>}.
     *
     * @param message why
     */
    @Override
    void failed(String message);

    /** The stage succeeded, having taken its own time; the next starts at once. */
    void next();

    /**
     * The task fails with a reason of the stage's own words.
     *
     * @param failure the whole reason
     */
    void failTask(String failure);
  }

  /** Runs an operation as a stage of a task, on the cloud's resources. */
  @FunctionalInterface
  public interface Stages {

    /**
     * Runs one stage.
     *
     * @param operation the operation
     * @param taskId the id of the task it is a stage of
     * @param end how the stage reports its end
     */
    void run(CloudOperation operation, String taskId, StageEnd end);
  }

  private final SimTimeline timeline;
  private final String idPrefix;
  private final Stages stages;
  private final Map<String, SimTask> tasks = new LinkedHashMap<>();
  private final Map<String, SimTask> runningByCorrelation = new HashMap<>();
  private final Map<String, List<SimTask>> waitingOn = new HashMap<>();
  private final List<TaskRequest> submitted = new ArrayList<>();
  private final Map<String, String> failNextStage = new HashMap<>();
  private final Map<String, Integer> failCount = new HashMap<>();
  /** How many tasks each correlation id has had, which numbers its tasks (see {@link SimIds#serial}). */
  private final Map<String, Integer> tasksPerCorrelation = new HashMap<>();
  private Duration stageDuration = Duration.ofSeconds(30);

  /**
   * Tasks of a cloud.
   *
   * @param timeline the cloud's timeline
   * @param idPrefix what task ids start with, such as {@code sim-task-}
   * @param stages how the cloud runs an operation
   */
  public SimTasks(SimTimeline timeline, String idPrefix, Stages stages) {
    this.timeline = timeline;
    this.idPrefix = idPrefix;
    this.stages = stages;
  }

  /**
   * Sets how long a simple stage takes, and the wait before a task's first stage (30 seconds by default).
   *
   * @param duration the time
   */
  public void stageDuration(Duration duration) {
    this.stageDuration = duration;
  }

  /**
   * Makes the next stages of an operation type fail.
   *
   * @param operationType the operation type, such as {@code createServerGroup}
   * @param message the failure, as the tasks will report it
   * @param count how many stages fail
   */
  public void failNextStages(String operationType, String message, int count) {
    failNextStage.put(operationType, message);
    failCount.put(operationType, count);
  }

  /**
   * Submits a task, or answers with the running task of its correlation id.
   *
   * @param request the task
   * @return the task's status right after submission
   */
  public TaskExecution submit(TaskRequest request) {
    submitted.add(request);
    SimTask running = runningByCorrelation.get(request.correlationId());
    if (running != null) {
      return running.execution();
    }
    int ordinal = tasksPerCorrelation.merge(request.correlationId(), 1, Integer::sum);
    SimTask task = new SimTask(idPrefix + SimIds.serial(request.correlationId(), ordinal), request, timeline.now());
    tasks.put(task.id, task);
    runningByCorrelation.put(request.correlationId(), task);
    timeline.at(timeline.now(), () -> tryStart(task));
    return task.execution();
  }

  /**
   * Whether a task with a correlation id is running.
   *
   * @param correlationId the id
   * @return true while one runs
   */
  public boolean isRunning(String correlationId) {
    return runningByCorrelation.containsKey(correlationId);
  }

  /**
   * A task's status.
   *
   * @param taskId the id
   * @return it, or empty if unknown
   */
  public Optional<TaskExecution> task(String taskId) {
    return Optional.ofNullable(tasks.get(taskId)).map(SimTask::execution);
  }

  /**
   * Every task request submitted, including ones answered with an already running task.
   *
   * @return the requests in order
   */
  public List<TaskRequest> submitted() {
    return List.copyOf(submitted);
  }

  /**
   * Every task started, in order.
   *
   * @return their statuses
   */
  public List<TaskExecution> tasks() {
    return tasks.values().stream().map(SimTask::execution).toList();
  }

  private void tryStart(SimTask task) {
    String after = task.request.afterTask();
    if (after != null) {
      SimTask dependency = tasks.get(after);
      if (dependency != null && !dependency.state.isComplete()) {
        waitingOn.computeIfAbsent(after, k -> new ArrayList<>()).add(task);
        return;
      }
      if (dependency != null && dependency.state == TaskExecution.State.TERMINAL) {
        end(task, "The task it depends on (" + after + ") failed: " + dependency.failure);
        return;
      }
    }
    HourWindow window = task.request.window();
    Instant now = timeline.now();
    if (window != null && !window.contains(now.atZone(ZoneOffset.UTC).getHour())) {
      timeline.at(now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)), () -> tryStart(task));
      return;
    }
    task.state = TaskExecution.State.RUNNING;
    timeline.at(now.plus(stageDuration), () -> runStage(task, 0));
  }

  private void runStage(SimTask task, int index) {
    List<CloudOperation> ops = task.request.operations();
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
    CloudOperation op = ops.get(index);
    String injected = failNextStage.get(op.type());
    if (injected != null) {
      if (failCount.merge(op.type(), -1, Integer::sum) <= 0) {
        failNextStage.remove(op.type());
        failCount.remove(op.type());
      }
      end(task, "Stage " + op.type() + " failed: " + injected);
      return;
    }
    stages.run(op, task.id, new StageEnd() {
      @Override
      public void done() {
        timeline.at(timeline.now().plus(stageDuration), () -> runStage(task, index + 1));
      }

      @Override
      public void failed(String message) {
        end(task, "Stage " + op.type() + " failed: " + message);
      }

      @Override
      public void next() {
        timeline.at(timeline.now(), () -> runStage(task, index + 1));
      }

      @Override
      public void failTask(String failure) {
        end(task, failure);
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
