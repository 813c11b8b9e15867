package dev.keel.support.task;

import dev.keel.cloud.api.TaskExecution;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;

/**
 * Reports the status of the tasks a cloud plugin's handlers launched, as the cloud reports them: not started
 * or running is running, succeeded, and terminal is failed with the cloud's reason. A cloud plugin's monitor
 * extension extends it with a constructor taking the plugin's context and {@code @Extension}.
 */
public class CloudTaskMonitor implements TaskMonitor {

  private final CloudTasks tasks;

  /**
   * A monitor of a cloud's tasks.
   *
   * @param tasks the cloud, its task system name and its name for people
   */
  public CloudTaskMonitor(CloudTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public String system() {
    return tasks.system();
  }

  @Override
  public TaskStatus status(Task task) {
    return tasks.cloud().task(task.id()).map(CloudTaskMonitor::status)
        .orElseGet(() -> TaskStatus.failed(tasks.cloudName() + " knows no task " + task.id()));
  }

  private static TaskStatus status(TaskExecution e) {
    return switch (e.state()) {
      case NOT_STARTED, RUNNING -> TaskStatus.running();
      case SUCCEEDED -> TaskStatus.succeeded();
      case TERMINAL -> TaskStatus.failed(e.failure() == null ? "task " + e.id() + " failed" : e.failure());
    };
  }
}
