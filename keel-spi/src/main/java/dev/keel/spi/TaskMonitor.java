package dev.keel.spi;

import dev.keel.spi.actuation.Task;
import dev.keel.spi.actuation.TaskStatus;
import org.pf4j.ExtensionPoint;

/**
 * Reports the status of tasks that handlers launched in one cloud system.
 */
public interface TaskMonitor extends ExtensionPoint {

  /**
   * The system whose tasks this monitor follows; matches {@link Task#system()}.
   *
   * @return the system name, such as {@code ec2}
   */
  String system();

  /**
   * The status of a task.
   *
   * @param task a task of this monitor's system
   * @return its status
   */
  TaskStatus status(Task task);
}
