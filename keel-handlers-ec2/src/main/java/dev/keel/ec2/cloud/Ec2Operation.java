package dev.keel.ec2.cloud;

import dev.keel.ec2.model.ApplicationLoadBalancer;
import dev.keel.ec2.model.Capacity;
import dev.keel.ec2.model.ClassicLoadBalancer;
import dev.keel.ec2.model.Scaling;
import dev.keel.ec2.model.SecurityGroup;
import dev.keel.ec2.model.ServerGroup;
import dev.keel.spi.actuation.Operation;
import dev.keel.support.deploy.DeployStrategy;
import dev.keel.support.deploy.DeployWave;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/** The operations the EC2 plugin plans and the cloud runs, each in one account and region. */
public sealed interface Ec2Operation extends Operation {

  /**
   * The account.
   *
   * @return the account
   */
  String account();

  /**
   * The region.
   *
   * @return the region
   */
  String region();

  /**
   * Deploys a new server group of a cluster with a strategy, its scaling policies included (they are
   * attached to the new group, not the old one).
   *
   * @param serverGroup the desired regional model (its name is the cluster's)
   * @param strategy the deploy strategy
   * @param source the active group to clone from, or null on a first deploy
   * @param wave where this region's deploy sits in a staggered deploy
   */
  record CreateServerGroup(ServerGroup serverGroup, DeployStrategy strategy, @Nullable String source,
      DeployWave wave) implements Ec2Operation {
    @Override
    public String account() {
      return serverGroup.location().account();
    }

    @Override
    public String region() {
      return serverGroup.location().region();
    }

    @Override
    public String type() {
      return "createServerGroup";
    }

    @Override
    public String description() {
      return "Deploy " + serverGroup.launchConfiguration().imageId()
          + (serverGroup.artifactVersion() == null ? "" : " (" + serverGroup.artifactVersion() + ")") + " to cluster "
          + serverGroup.name() + " in " + account() + "/" + region() + " with " + strategyName(strategy)
          + (source == null ? "" : ", cloning " + source)
          + (wave.after() == null ? "" : ", after " + wave.after())
          + (wave.window() == null ? "" : ", between " + wave.window().startHour() + "h and " + wave.window().endHour() + "h UTC")
          + (wave.pauseAfter() == null ? "" : ", then wait " + wave.pauseAfter());
    }

    private static String strategyName(DeployStrategy s) {
      if (s instanceof DeployStrategy.RedBlack) {
        return "red-black";
      }
      if (s instanceof DeployStrategy.Highlander) {
        return "highlander";
      }
      return s instanceof DeployStrategy.RollingPush ? "rolling push" : "no strategy";
    }
  }

  /**
   * Resizes a server group.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   * @param capacity the new capacity (null desired keeps the current count within min and max)
   */
  record ResizeServerGroup(String account, String region, String serverGroupName, Capacity capacity)
      implements Ec2Operation {
    @Override
    public String type() {
      return "resizeServerGroup";
    }

    @Override
    public String description() {
      return "Resize " + serverGroupName + " in " + account + "/" + region + " to min " + capacity.min() + ", max "
          + capacity.max() + (capacity.desired() == null ? "" : ", desired " + capacity.desired());
    }
  }

  /**
   * Deletes scaling policies from a server group.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   * @param policies the policies to delete
   */
  record DeleteScalingPolicies(String account, String region, String serverGroupName, Scaling policies)
      implements Ec2Operation {
    @Override
    public String type() {
      return "deleteScalingPolicy";
    }

    @Override
    public String description() {
      return "Delete " + (policies.targetTrackingPolicies().size() + policies.stepScalingPolicies().size())
          + " scaling policies of " + serverGroupName + " in " + account + "/" + region;
    }
  }

  /**
   * Adds scaling policies to a server group.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   * @param policies the policies to add
   */
  record UpsertScalingPolicies(String account, String region, String serverGroupName, Scaling policies)
      implements Ec2Operation {
    @Override
    public String type() {
      return "upsertScalingPolicy";
    }

    @Override
    public String description() {
      return "Add " + (policies.targetTrackingPolicies().size() + policies.stepScalingPolicies().size())
          + " scaling policies to " + serverGroupName + " in " + account + "/" + region;
    }
  }

  /**
   * Disables a server group: out of load balancers, launches and terminations suspended.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   */
  record DisableServerGroup(String account, String region, String serverGroupName) implements Ec2Operation {
    @Override
    public String type() {
      return "disableServerGroup";
    }

    @Override
    public String description() {
      return "Disable extra active server group " + serverGroupName + " in " + account + "/" + region;
    }
  }

  /**
   * Rolls back: enables and resizes an older group, then disables the active one.
   *
   * @param account the account
   * @param region the region
   * @param restore the group to enable
   * @param disable the group to disable, or null
   * @param capacity the capacity to give the restored group
   */
  record RollbackServerGroup(String account, String region, String restore, @Nullable String disable, Capacity capacity)
      implements Ec2Operation {
    @Override
    public String type() {
      return "rollbackServerGroup";
    }

    @Override
    public String description() {
      return "Roll back cluster in " + account + "/" + region + " (enabling " + restore
          + (disable == null ? "" : ", disabling " + disable) + ")";
    }
  }

  /**
   * Destroys a server group.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   */
  record DestroyServerGroup(String account, String region, String serverGroupName) implements Ec2Operation {
    @Override
    public String type() {
      return "destroyServerGroup";
    }

    @Override
    public String description() {
      return "Destroy " + serverGroupName + " in " + account + "/" + region;
    }
  }

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
