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
   * Saves a task record launched by a claimed check of its resource, only while the check's lease is held.
   *
   * @param task the record
   * @param lease the lease of the check's claim
   * @throws LeaseLostException, saving nothing, if the lease is no longer held
   */
  void saveTask(TaskRecord task, Lease lease);

  /**
   * Records that a running task completed, only if its stored record still says it is running: of several engine
   * instances following one task, exactly one records its completion.
   *
   * @param completed the record with its final state
   * @return true if this call recorded it; false, changing nothing, if the stored record is complete already or
   *     gone
   */
  boolean completeTask(TaskRecord completed);

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
