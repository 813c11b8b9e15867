package dev.keel.ec2.handler;

import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.support.task.TaskExecution;
import dev.keel.spi.KeelContext;
import dev.keel.spi.TaskMonitor;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;
import org.pf4j.Extension;

/** Reports the status of the tasks the EC2 handlers launched (system {@value Ec2Cloud#SYSTEM}). */
@Extension
public final class Ec2TaskMonitor implements TaskMonitor {

  private final Ec2Cloud cloud;

  /**
   * A monitor over the context's cloud.
   *
   * @param context the plugin's context
   */
  public Ec2TaskMonitor(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A monitor over a cloud.
   *
   * @param cloud the cloud
   */
  public Ec2TaskMonitor(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String system() {
    return Ec2Cloud.SYSTEM;
  }

  @Override
  public TaskStatus status(Task task) {
    return cloud.task(task.id()).map(Ec2TaskMonitor::status)
        .orElseGet(() -> TaskStatus.failed("EC2 knows no task " + task.id()));
  }

  private static TaskStatus status(TaskExecution e) {
    return switch (e.state()) {
      case NOT_STARTED, RUNNING -> TaskStatus.running();
      case SUCCEEDED -> TaskStatus.succeeded();
      case TERMINAL -> TaskStatus.failed(e.failure() == null ? "task " + e.id() + " failed" : e.failure());
    };
  }
}
