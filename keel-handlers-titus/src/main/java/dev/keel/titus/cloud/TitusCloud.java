package dev.keel.titus.cloud;

import dev.keel.support.task.TaskExecution;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Titus port: what the plugin reads and does. Reads return empty for absent things and throw
 * {@link TitusReadException} when Titus cannot answer. Writes are asynchronous tasks: {@link #submit} returns
 * at once and {@link #task} reports progress. Batch jobs (the test-container verification) run to completion.
 */
public interface TitusCloud {

  /** The task system name, used in {@link dev.keel.spi.actuation.Task#system()}. */
  String SYSTEM = "titus";

  /**
   * Every job (server group) of a cluster in a region, enabled or not.
   *
   * @param account the Titus account
   * @param region the region
   * @param cluster the cluster name
   * @return the jobs, oldest first
   */
  List<JobState> serverGroups(String account, String region, String cluster);

  /**
   * The tags of a repository in a registry.
   *
   * @param registry the registry
   * @param repository {@code organization/image}
   * @return every tag with its digest, newest first
   */
  List<DockerImage> images(String registry, String repository);

  /**
   * The regions a Titus account runs in, as the cloud's account catalog lists them (Clouddriver's
   * credentials): where an export that names no regions looks.
   *
   * @param account the account name
   * @return the regions, sorted; empty for an unknown account
   */
  Set<String> regions(String account);

  /**
   * A Titus account's attributes.
   *
   * @param account the account name
   * @return them, or empty if the account is unknown
   */
  Optional<TitusAccount> account(String account);

  /**
   * Whether a security group exists in an AWS account and region.
   *
   * @param awsAccount the backing AWS account
   * @param region the region
   * @param name the group's name
   * @return true if it exists
   */
  boolean securityGroupExists(String awsAccount, String region, String name);

  /**
   * Submits a task. If a task with the same correlation id is still running, that task is returned and
   * nothing new starts.
   *
   * @param request the task
   * @return the task's status right after submission
   */
  TaskExecution submit(TaskRequest request);

  /**
   * Whether a task with a correlation id is running.
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

  /**
   * Starts a batch job.
   *
   * @param job the job
   * @return the job id
   */
  String runJob(BatchJob job);

  /**
   * A batch job's status.
   *
   * @param jobId the id
   * @return its status, or empty if unknown
   */
  Optional<BatchJob.Status> job(String jobId);
}
