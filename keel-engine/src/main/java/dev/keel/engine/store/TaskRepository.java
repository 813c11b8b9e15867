package dev.keel.engine.store;

import java.util.List;

/** The cloud tasks the engine launched, so that incomplete ones are followed until they end. */
public interface TaskRepository {

  /**
   * Saves a task record, replacing one with the same task id.
   *
   * @param task the record
   */
  void saveTask(TaskRecord task);

  /**
   * Tasks not yet complete, oldest first.
   *
   * @return the records
   */
  List<TaskRecord> incompleteTasks();

  /**
   * A resource's tasks, newest first.
   *
   * @param resourceId the resource
   * @return the records
   */
  List<TaskRecord> tasks(String resourceId);
}
