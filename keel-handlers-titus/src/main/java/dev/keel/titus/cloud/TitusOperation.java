package dev.keel.titus.cloud;

import dev.keel.spi.actuation.Operation;
import dev.keel.support.deploy.DeployStrategy;
import dev.keel.support.deploy.DeployWave;
import dev.keel.titus.model.Capacity;
import dev.keel.titus.model.TitusServerGroup;
import dev.keel.titus.spec.ScalingSpec;
import java.util.Set;
import javax.annotation.Nullable;

/** The operations the Titus plugin plans and Titus runs, each in one account and region. */
public sealed interface TitusOperation extends Operation {

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
   * Deploys a new job of a cluster with a strategy; its scaling policies are attached to the new job (not,
   * as in Keel, to the old one).
   *
   * @param serverGroup the desired regional model (its name is the cluster's)
   * @param strategy the deploy strategy
   * @param source the active job to clone from, or null on a first deploy
   * @param wave where this region's deploy sits in a staggered deploy
   */
  record CreateServerGroup(TitusServerGroup serverGroup, DeployStrategy strategy, @Nullable String source,
      DeployWave wave) implements TitusOperation {
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
      return "Deploy " + serverGroup.container().repository() + "@" + serverGroup.container().digest()
          + (serverGroup.artifactVersion() == null ? "" : " (" + serverGroup.artifactVersion() + ")") + " to cluster "
          + serverGroup.name() + " in " + account() + "/" + region() + " with "
          + strategy.getClass().getSimpleName() + (source == null ? "" : ", cloning " + source)
          + (wave.after() == null ? "" : ", after " + wave.after());
    }
  }

  /**
   * Resizes a job.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the job
   * @param capacity the new capacity
   */
  record ResizeServerGroup(String account, String region, String serverGroupName, Capacity capacity)
      implements TitusOperation {
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
   * Deletes scaling policies of a job, by the ids Titus gave them.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the job
   * @param policyIds the ids of the policies
   * @param policies the policies, for people
   */
  record DeleteScalingPolicies(String account, String region, String serverGroupName, Set<String> policyIds,
      ScalingSpec policies) implements TitusOperation {
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
   * Adds scaling policies to a job.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the job
   * @param policies the policies
   */
  record UpsertScalingPolicies(String account, String region, String serverGroupName, ScalingSpec policies)
      implements TitusOperation {
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
   * Disables a job.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the job
   */
  record DisableServerGroup(String account, String region, String serverGroupName) implements TitusOperation {
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
   * Re-enables an older job that matches desired, sized to desired, then disables the active one.
   *
   * @param account the account
   * @param region the region
   * @param restore the job to enable
   * @param disable the job to disable, or null
   * @param capacity the restored job's capacity
   */
  record RollbackServerGroup(String account, String region, String restore, @Nullable String disable,
      Capacity capacity) implements TitusOperation {
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
   * Destroys a job.
   *
   * @param account the account
   * @param region the region
   * @param serverGroupName the job
   */
  record DestroyServerGroup(String account, String region, String serverGroupName) implements TitusOperation {
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
