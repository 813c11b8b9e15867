package dev.keel.cloud.api;

import java.util.List;
import java.util.Optional;

/**
 * What every cluster cloud port offers: the server groups of a cluster, and asynchronous tasks. A cloud's own
 * port ({@code Ec2Cloud}, {@code TitusCloud}) extends it with its other reads.
 *
 * @param <G> the cloud's server group model
 * @param <S> what the cloud reports of one server group
 */
public interface ClusterCloud<G extends ClusterServerGroup<G, ?>, S extends ServerGroupState<G>> {

  /**
   * Every server group of a cluster in a region, enabled or not.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster name
   * @return the server groups, oldest first
   */
  List<S> serverGroups(String account, String region, String cluster);

  /**
   * Submits a task. If a task with the same correlation id is still running, that task is returned and
   * nothing new starts.
   *
   * @param request the task
   * @return the task's status right after submission
   */
  TaskExecution submit(TaskRequest request);

  /**
   * Whether a task with a correlation id is running (not yet complete).
   *
   * @param correlationId the id
   * @return true while one runs
   */
  boolean isRunning(String correlationId);

  /**
   * A task's status.
   *
   * @param taskId the task id
   * @return its status, or empty if unknown
   */
  Optional<TaskExecution> task(String taskId);
}
