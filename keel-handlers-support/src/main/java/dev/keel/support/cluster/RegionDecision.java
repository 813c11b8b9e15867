package dev.keel.support.cluster;

import java.util.Objects;
import javax.annotation.Nullable;

/** What to do about one region of a cluster. */
public sealed interface RegionDecision {

  /**
   * The region decided about.
   *
   * @return the region
   */
  String region();

  /**
   * Nothing differs.
   *
   * @param region the region
   */
  record NoChange(String region) implements RegionDecision {}

  /**
   * Only the capacity differs: resize the active server group.
   *
   * @param region the region
   * @param serverGroup the active server group
   */
  record Resize(String region, String serverGroup) implements RegionDecision {}

  /**
   * Only the scaling policies differ: delete and upsert policies of the active server group.
   *
   * @param region the region
   * @param serverGroup the active server group
   */
  record ModifyScaling(String region, String serverGroup) implements RegionDecision {}

  /**
   * Capacity and scaling policies differ: resize, then modify the policies.
   *
   * @param region the region
   * @param serverGroup the active server group
   */
  record ResizeThenModifyScaling(String region, String serverGroup) implements RegionDecision {}

  /**
   * More than one server group is enabled: disable one.
   *
   * @param region the region
   * @param serverGroup the server group to disable
   */
  record Disable(String region, String serverGroup) implements RegionDecision {}

  /**
   * More than one server group is enabled but the newest is unhealthy: do nothing until it is.
   *
   * @param region the region
   * @param reason why
   */
  record Wait(String region, String reason) implements RegionDecision {}

  /**
   * An existing server group already matches desired: enable it and disable the active one.
   *
   * @param region the region
   * @param restore the server group to enable
   * @param disable the active server group to disable, or null if none is enabled
   */
  record Rollback(String region, String restore, @Nullable String disable) implements RegionDecision {
    /** Checks for nulls. */
    public Rollback {
      Objects.requireNonNull(restore, "restore");
    }
  }

  /**
   * Deploy a new server group with the declared strategy.
   *
   * @param region the region
   * @param source the active server group to clone from, or null on a first deploy
   */
  record Deploy(String region, @Nullable String source) implements RegionDecision {}
}
