package dev.keel.ec2.api;

import dev.keel.cloud.api.ClusterCloud;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.SecurityGroup;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The EC2 port: what the EC2 plugin reads and does. Reads return empty for absent resources and throw
 * {@link Ec2ReadException} when the cloud cannot answer. Writes are asynchronous tasks: {@link #submit}
 * returns at once and {@link #task} reports progress; a task's operations are
 * {@link dev.keel.cloud.api.ServerGroupOperation}s of {@link Ec2ServerGroup}s and {@link Ec2Operation}s.
 *
 * <p>A host that brings its own EC2 (Clouddriver and Orca, say) implements this interface and registers it with
 * {@code KeelEngine.builder().service(Ec2Cloud.class, cloud)}; the plugin zip, which does not bundle this API,
 * loads it from the host and uses the host's cloud. The simulated EC2 ({@code dev.keel.ec2-sim}) implements it
 * too.
 */
public interface Ec2Cloud extends ClusterCloud<Ec2ServerGroup, Ec2ServerGroupState> {

  /** The task system name, used in {@link dev.keel.spi.actuation.Task#system()}. */
  String SYSTEM = "ec2";

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
   * The security groups this cloud attaches to every server group it deploys, whatever the deploy names: over
   * Spinnaker, the default groups Orca adds to each deploy (the {@code defaultSecurityGroups} setting). Keel does
   * not manage them: a deploy leaves them out, and a cluster's desired and current states are compared without
   * them (such a cloud reports server groups without them). None by default.
   *
   * @param account the account
   * @param region the region
   * @param vpc the VPC name
   * @return the group names
   */
  default Set<String> implicitSecurityGroups(String account, String region, String vpc) {
    return Set.of();
  }

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
   * The names of an application's target groups in a region. Clouddriver lists target groups per application, so
   * a cloud over Spinnaker answers this one; by default it is every target group of the region.
   *
   * @param application the application whose load balancers hold them
   * @param account the account
   * @param region the region
   * @return the names
   */
  default Set<String> targetGroups(String application, String account, String region) {
    return targetGroups(account, region);
  }

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
}
