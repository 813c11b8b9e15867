package dev.keel.ec2.api;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import java.util.Objects;

/**
 * The EC2 operations beside the server group operations every cluster cloud runs
 * ({@link dev.keel.cloud.api.ServerGroupOperation}): security groups, load balancers and bakes, each in one
 * account and region.
 */
public sealed interface Ec2Operation extends CloudOperation {

  /**
   * Creates or replaces a security group's ingress.
   *
   * @param securityGroup the group with its rules
   * @param create whether it is a create (the self-reference, if any, is then added by the next update)
   */
  record UpsertSecurityGroup(SecurityGroup securityGroup, boolean create) implements Ec2Operation {
    @Override
    public String account() {
      return securityGroup.account();
    }

    @Override
    public String region() {
      return securityGroup.region();
    }

    @Override
    public String type() {
      return "upsertSecurityGroup";
    }

    @Override
    public String description() {
      return (create ? "Create" : "Update") + " security group " + securityGroup.name() + " in " + account() + "/"
          + region();
    }
  }

  /**
   * Deletes a security group.
   *
   * @param account the account
   * @param region the region
   * @param vpc the VPC name
   * @param name the group
   */
  record DeleteSecurityGroup(String account, String region, String vpc, String name) implements Ec2Operation {
    @Override
    public String type() {
      return "deleteSecurityGroup";
    }

    @Override
    public String description() {
      return "Delete security group " + name + " in " + account + "/" + region;
    }
  }

  /**
   * Creates or replaces a classic load balancer, whole.
   *
   * @param loadBalancer the load balancer
   * @param create whether it does not exist yet
   */
  record UpsertClassicLoadBalancer(ClassicLoadBalancer loadBalancer, boolean create) implements Ec2Operation {
    @Override
    public String account() {
      return loadBalancer.location().account();
    }

    @Override
    public String region() {
      return loadBalancer.location().region();
    }

    @Override
    public String type() {
      return "upsertLoadBalancer";
    }

    @Override
    public String description() {
      return (create ? "Create" : "Update") + " classic load balancer " + loadBalancer.name() + " in " + account() + "/"
          + region();
    }
  }

  /**
   * Creates or replaces an application load balancer with its target groups, whole.
   *
   * @param loadBalancer the load balancer
   * @param create whether it does not exist yet
   */
  record UpsertApplicationLoadBalancer(ApplicationLoadBalancer loadBalancer, boolean create) implements Ec2Operation {
    @Override
    public String account() {
      return loadBalancer.location().account();
    }

    @Override
    public String region() {
      return loadBalancer.location().region();
    }

    @Override
    public String type() {
      return "upsertLoadBalancer";
    }

    @Override
    public String description() {
      return (create ? "Create" : "Update") + " application load balancer " + loadBalancer.name() + " in " + account()
          + "/" + region();
    }
  }

  /**
   * Deletes a load balancer (and an application load balancer's target groups).
   *
   * @param account the account
   * @param region the region
   * @param name the load balancer
   */
  record DeleteLoadBalancer(String account, String region, String name) implements Ec2Operation {
    @Override
    public String type() {
      return "deleteLoadBalancer";
    }

    @Override
    public String description() {
      return "Delete load balancer " + name + " in " + account + "/" + region;
    }
  }

  /**
   * Bakes an AMI of one version of a Debian package on a base image, in one or more regions of the image
   * account. Unlike the other operations it spans several regions: {@link #region()} names them all,
   * comma-separated. A bake may succeed in only some regions; the image then holds the AMIs of those.
   *
   * @param account the image account
   * @param regions the regions to bake in, at least one
   * @param packageName the Debian package name
   * @param appVersion the application version, {@code <package>-<version>}
   * @param baseOs the base operating system, such as {@code bionic}
   * @param baseLabel the base label, such as {@code release}
   * @param storeType the root volume store type, such as {@code ebs}
   */
  record Bake(String account, List<String> regions, String packageName, String appVersion, String baseOs,
      String baseLabel, String storeType) implements Ec2Operation {
    /** Checks and copies. */
    public Bake {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(appVersion, "appVersion");
      Objects.requireNonNull(baseOs, "baseOs");
      regions = List.copyOf(regions);
      if (regions.isEmpty()) {
        throw new IllegalArgumentException("A bake needs at least one region");
      }
    }

    @Override
    public String region() {
      return String.join(",", regions);
    }

    /**
     * Whether an artifact's images are baked: a Debian package with {@code vmOptions}. Other Debian artifacts
     * deploy images that exist already.
     *
     * @param artifact the artifact
     * @return true for a baked artifact
     */
    public static boolean bakes(DeliveryArtifact artifact) {
      return artifact instanceof DebianArtifact d && d.vmOptions() != null;
    }

    /**
     * The application version of a package version, as images are tagged: {@code <package>-<version>}, unless
     * the version already starts with the package name.
     *
     * @param packageName the package
     * @param version the version
     * @return the application version
     */
    public static String appVersion(String packageName, String version) {
      return version.startsWith(packageName + "-") ? version : packageName + "-" + version;
    }

    @Override
    public String type() {
      return "bake";
    }

    @Override
    public String description() {
      return "Bake " + appVersion + " on " + baseOs + " (" + baseLabel + ", " + storeType + ") in " + account + "/"
          + regions;
    }
  }
}
