package dev.keel.titus.handler;

import dev.keel.titus.cloud.TitusCloud;
import dev.keel.support.task.TaskExecution;
import dev.keel.spi.KeelContext;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;
import org.pf4j.Extension;

/** Reports the status of the tasks the Titus cluster handler launched (system {@value TitusCloud#SYSTEM}). */
@Extension
public final class TitusTaskMonitor implements TaskMonitor {

  private final TitusCloud cloud;

  /**
   * A monitor over the context's cloud.
   *
   * @param context the plugin's context
   */
  public TitusTaskMonitor(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * A monitor over a cloud.
   *
   * @param cloud the cloud
   */
  public TitusTaskMonitor(TitusCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String system() {
    return TitusCloud.SYSTEM;
  }

  @Override
  public TaskStatus status(Task task) {
    return cloud.task(task.id()).map(TitusTaskMonitor::status)
        .orElseGet(() -> TaskStatus.failed("Titus knows no task " + task.id()));
  }

  private static TaskStatus status(TaskExecution e) {
    return switch (e.state()) {
      case NOT_STARTED, RUNNING -> TaskStatus.running();
      case SUCCEEDED -> TaskStatus.succeeded();
      case TERMINAL -> TaskStatus.failed(e.failure() == null ? "task " + e.id() + " failed" : e.failure());
    };
  }
}
