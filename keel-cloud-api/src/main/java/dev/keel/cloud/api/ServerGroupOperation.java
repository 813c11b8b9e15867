package dev.keel.cloud.api;

import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The operations on a cluster's server groups every cluster cloud runs, each in one account and region: what
 * the shared cluster decision table plans. A cloud's own operations (security groups, load balancers, bakes)
 * are operations of its own port.
 */
public sealed interface ServerGroupOperation extends CloudOperation {

  /**
   * Deploys a new server group of a cluster with a strategy, its scaling policies included (they are
   * attached to the new group, not the old one).
   *
   * @param serverGroup the desired regional model (its name is the cluster's)
   * @param strategy the deploy strategy
   * @param source the active group to clone from, or null on a first deploy
   * @param wave where this region's deploy sits in a staggered deploy
   * @param <G> the cloud's server group model
   */
  record CreateServerGroup<G extends ClusterServerGroup<G, ?>>(G serverGroup, DeployStrategy strategy,
      @Nullable String source, DeployWave wave) implements ServerGroupOperation {

    /** Checks for nulls. */
    public CreateServerGroup {
      Objects.requireNonNull(serverGroup, "serverGroup");
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(wave, "wave");
    }

    @Override
    public String account() {
      return serverGroup.account();
    }

    @Override
    public String region() {
      return serverGroup.region();
    }

    @Override
    public String type() {
      return "createServerGroup";
    }

    @Override
    public String description() {
      return serverGroup.describeDeploy(strategy, source, wave);
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
      implements ServerGroupOperation {
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
   * @param policyIds the ids the cloud gave the policies, where it deletes by id (Titus); empty where it
   *     deletes by content (EC2)
   * @param policies the policies to delete
   * @param <P> the cloud's scaling policies
   */
  record DeleteScalingPolicies<P extends ScalingPolicies<P>>(String account, String region, String serverGroupName,
      Set<String> policyIds, P policies) implements ServerGroupOperation {

    /** Copies the ids. */
    public DeleteScalingPolicies {
      policyIds = Set.copyOf(policyIds);
    }

    @Override
    public String type() {
      return "deleteScalingPolicy";
    }

    @Override
    public String description() {
      return "Delete " + policies.count() + " scaling policies of " + serverGroupName + " in " + account + "/"
          + region;
    }
  }

  /**
   * Adds scaling policies to a server group.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   * @param policies the policies to add
   * @param <P> the cloud's scaling policies
   */
  record UpsertScalingPolicies<P extends ScalingPolicies<P>>(String account, String region, String serverGroupName,
      P policies) implements ServerGroupOperation {
    @Override
    public String type() {
      return "upsertScalingPolicy";
    }

    @Override
    public String description() {
      return "Add " + policies.count() + " scaling policies to " + serverGroupName + " in " + account + "/" + region;
    }
  }

  /**
   * Disables a server group: out of load balancers, launches and terminations suspended.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the group
   */
  record DisableServerGroup(String account, String region, String serverGroupName) implements ServerGroupOperation {
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
   * Rolls back: enables and resizes an older group that matches desired, then disables the active one.
   *
   * @param account the account
   * @param region the region
   * @param restore the group to enable
   * @param disable the group to disable, or null
   * @param capacity the capacity to give the restored group
   */
  record RollbackServerGroup(String account, String region, String restore, @Nullable String disable,
      Capacity capacity) implements ServerGroupOperation {
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
  record DestroyServerGroup(String account, String region, String serverGroupName) implements ServerGroupOperation {
    @Override
    public String type() {
      return "destroyServerGroup";
    }

    @Override
    public String description() {
      return "Destroy " + serverGroupName + " in " + account + "/" + region;
    }
  }
}
