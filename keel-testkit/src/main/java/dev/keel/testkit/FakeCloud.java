package dev.keel.testkit;

import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nullable;

/**
 * An in-memory cloud of fake things with asynchronous tasks on virtual time. It is also the
 * {@link TaskMonitor} of its tasks (system {@value #SYSTEM}).
 */
public final class FakeCloud implements TaskMonitor {

  /** The task system name. */
  public static final String SYSTEM = "fake";

  private final VirtualScheduler scheduler;
  private final Map<String, FakeModel> things = new HashMap<>();
  private final Map<String, TaskStatus> tasks = new HashMap<>();
  private final Map<String, String> runningByResource = new HashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private int launched;

  /**
   * A cloud whose tasks complete on a virtual scheduler.
   *
   * @param scheduler the scheduler
   */
  public FakeCloud(VirtualScheduler scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * A thing's current model.
   *
   * @param id the thing
   * @return its model, or empty if it does not exist
   */
  public synchronized Optional<FakeModel> get(String id) {
    return Optional.ofNullable(things.get(id));
  }

  /**
   * Changes a thing behind the engine's back (drift), or creates it.
   *
   * @param id the thing
   * @param model its new model
   */
  public synchronized void put(String id, FakeModel model) {
    things.put(id, model);
  }

  /**
   * Deletes a thing behind the engine's back.
   *
   * @param id the thing
   */
  public synchronized void remove(String id) {
    things.remove(id);
  }

  /**
   * Launches a task that, after a virtual duration, sets a thing to a model or fails.
   *
   * @param id the thing
   * @param target the model to set, or null to delete
   * @param duration how long the task takes
   * @param fail whether it fails instead
   * @return the task id
   */
  public synchronized String launch(String id, @Nullable FakeModel target, Duration duration, boolean fail) {
    String taskId = "task-" + ids.incrementAndGet();
    tasks.put(taskId, TaskStatus.running());
    runningByResource.put(id, taskId);
    launched++;
    scheduler.schedule(scheduler.now().plus(duration), () -> finish(id, taskId, target, fail));
    return taskId;
  }

  private synchronized void finish(String id, String taskId, @Nullable FakeModel target, boolean fail) {
    runningByResource.remove(id, taskId);
    if (fail) {
      tasks.put(taskId, TaskStatus.failed("injected failure"));
      return;
    }
    if (target == null) {
      things.remove(id);
    } else {
      things.put(id, target);
    }
    tasks.put(taskId, TaskStatus.succeeded());
  }

  /**
   * Whether a task for a thing is still running.
   *
   * @param id the thing
   * @return true while one runs
   */
  public synchronized boolean hasRunningTask(String id) {
    return runningByResource.containsKey(id);
  }

  /**
   * How many tasks were ever launched.
   *
   * @return the count
   */
  public synchronized int launchedTasks() {
    return launched;
  }

  @Override
  public String system() {
    return SYSTEM;
  }

  @Override
  public synchronized TaskStatus status(Task task) {
    TaskStatus s = tasks.get(task.id());
    return s == null ? TaskStatus.failed("unknown task " + task.id()) : s;
  }
}
