package dev.keel.ec2.cloud;

import dev.keel.support.task.TaskExecution;

import dev.keel.ec2.model.ApplicationLoadBalancer;
import dev.keel.ec2.model.ClassicLoadBalancer;
import dev.keel.ec2.model.SecurityGroup;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The EC2 port: what the plugin reads and does. Reads return empty for absent resources and throw
 * {@link Ec2ReadException} when the cloud cannot answer. Writes are asynchronous tasks: {@link #submit}
 * returns at once and {@link #task} reports progress.
 */
public interface Ec2Cloud {

  /** The task system name, used in {@link dev.keel.spi.actuation.Task#system()}. */
  String SYSTEM = "ec2";

  /**
   * Every server group of a cluster in a region, enabled or not.
   *
   * @param account the account
   * @param region the region
   * @param cluster the cluster name
   * @return the server groups, oldest first
   */
  List<ServerGroupState> serverGroups(String account, String region, String cluster);

  /**
   * A security group.
   *
   * @param account the account
   * @param region the region
   * @param vpc the VPC name
   * @param name the group name
   * @return the group, or empty
   */
  Optional<SecurityGroup> securityGroup(String account, String region, String vpc, String name);

  /**
   * A classic load balancer.
   *
   * @param account the account
   * @param region the region
   * @param name the name
   * @return it, or empty
   */
  Optional<ClassicLoadBalancer> classicLoadBalancer(String account, String region, String name);

  /**
   * An application load balancer.
   *
   * @param account the account
   * @param region the region
   * @param name the name
   * @return it, or empty
   */
  Optional<ApplicationLoadBalancer> applicationLoadBalancer(String account, String region, String name);

  /**
   * The names of the target groups in a region.
   *
   * @param account the account
   * @param region the region
   * @return the names
   */
  Set<String> targetGroups(String account, String region);

  /**
   * Images whose {@code appversion} is a version of a package.
   *
   * @param appVersion the application version, such as {@code fnord-1.2.3}
   * @param account the image account
   * @return matching images, newest first
   */
  List<Catalog.Image> findImages(String appVersion, String account);

  /**
   * The current base image of an operating system and label (Keel's base image catalog).
   *
   * @param os the operating system, such as {@code bionic}
   * @param label the label, such as {@code release}
   * @return the current base image, or empty if none is known
   */
  Optional<Catalog.BaseImage> baseImage(String os, String label);

  /**
   * A VPC by name.
   *
   * @param account the account
   * @param region the region
   * @param name the VPC name
   * @return it, or empty
   */
  Optional<Catalog.Network> network(String account, String region, String name);

  /**
   * The subnets of a region.
   *
   * @param account the account
   * @param region the region
   * @return the subnets
   */
  List<Catalog.Subnet> subnets(String account, String region);

  /**
   * The regions an account is set up in, as the cloud's account catalog lists them (Clouddriver's
   * credentials): where an export that names no regions looks.
   *
   * @param account the account name
   * @return the regions, sorted; empty for an unknown account
   */
  Set<String> regions(String account);

  /**
   * An account's attributes.
   *
   * @param account the account name
   * @return them, or empty if the account is unknown
   */
  Optional<Catalog.Account> account(String account);

  /**
   * A certificate by name.
   *
   * @param account the account
   * @param name the certificate name
   * @return it, or empty
   */
  Optional<Catalog.Certificate> certificate(String account, String name);

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
