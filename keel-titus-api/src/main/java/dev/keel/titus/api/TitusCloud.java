package dev.keel.titus.api;

import dev.keel.cloud.api.ClusterCloud;
import dev.keel.titus.api.model.TitusServerGroup;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Titus port: what the Titus plugin reads and does. Reads return empty for absent things and throw
 * {@link TitusReadException} when Titus cannot answer. Writes are asynchronous tasks: {@link #submit} returns
 * at once and {@link #task} reports progress; a task's operations are
 * {@link dev.keel.cloud.api.ServerGroupOperation}s of {@link TitusServerGroup}s. Batch jobs (the
 * test-container verification) run to completion.
 *
 * <p>A host that brings its own Titus implements this interface and registers it with
 * {@code KeelEngine.builder().service(TitusCloud.class, cloud)}; the plugin zip, which does not bundle this API,
 * loads it from the host and uses the host's cloud. The simulated Titus ({@code dev.keel.titus-sim}) implements
 * it too.
 */
public interface TitusCloud extends ClusterCloud<TitusServerGroup, TitusServerGroupState> {

  /** The task system name, used in {@link dev.keel.spi.actuation.Task#system()}. */
  String SYSTEM = "titus";

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
   * The security groups this cloud attaches to every job it deploys, whatever the deploy names: over Spinnaker,
   * the default groups Orca adds to each deploy (the {@code defaultSecurityGroups} setting) and the application's
   * own group, which Titus attaches. Keel does not manage them: a deploy leaves them out, and a cluster's desired
   * and current states are compared without them (such a cloud reports jobs without them). None by default.
   *
   * @param account the Titus account
   * @param region the region
   * @param application the application
   * @return the group names
   */
  default Set<String> implicitSecurityGroups(String account, String region, String application) {
    return Set.of();
  }

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
