package dev.keel.cloud.api.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/** How a new server group replaces the old ones. */
public sealed interface DeployStrategy {

  /**
   * The health the deploy waits for.
   *
   * @return the health
   */
  DeployHealth health();

  /**
   * The regions to deploy one after another, empty for all at once.
   *
   * @return the staggered regions in order
   */
  default List<StaggeredRegion> stagger() {
    return List.of();
  }

  /**
   * Whether the deploy is staggered across regions.
   *
   * @return true if {@link #stagger()} is not empty
   */
  default boolean isStaggered() {
    return !stagger().isEmpty();
  }

  /**
   * The strategy's name for people, as deploy descriptions give it.
   *
   * @return {@code red-black}, {@code highlander}, {@code rolling push} or {@code no strategy}
   */
  default String displayName() {
    if (this instanceof RedBlack) {
      return "red-black";
    }
    if (this instanceof Highlander) {
      return "highlander";
    }
    return this instanceof RollingPush ? "rolling push" : "no strategy";
  }

  /**
   * Whether the strategy leaves older server groups enabled, so that several enabled groups are not drift.
   *
   * @return true for {@link None}
   */
  default boolean toleratesSeveralEnabled() {
    return false;
  }

  /**
   * Red/black: the new group comes up, then older groups are disabled (and optionally scaled down), keeping
   * at most {@code maxServerGroups}.
   *
   * @param health the health waited for
   * @param rollbackOnFailure whether a failed deploy re-enables the previous group
   * @param resizePreviousToZero whether disabled groups are scaled to zero
   * @param maxServerGroups the most server groups kept, older ones destroyed
   * @param delayBeforeDisable wait between the new group healthy and disabling the old
   * @param delayBeforeScaleDown wait between disabling and scaling down
   * @param waitForInstancesUp how long the new instances may take to be healthy
   * @param stagger staggered regions
   */
  record RedBlack(DeployHealth health, boolean rollbackOnFailure, boolean resizePreviousToZero, int maxServerGroups,
      Duration delayBeforeDisable, Duration delayBeforeScaleDown, Duration waitForInstancesUp,
      List<StaggeredRegion> stagger) implements DeployStrategy {

    /** Keel's defaults: AUTO health, no rollback, no scale-down, 2 groups, no delays, 30 minutes. */
    public static final RedBlack DEFAULT = new RedBlack(DeployHealth.AUTO, false, false, 2, Duration.ZERO, Duration.ZERO,
        Duration.ofMinutes(30), List.of());

    /** Checks the values. */
    public RedBlack {
      Objects.requireNonNull(health, "health");
      if (maxServerGroups < 1) {
        throw new IllegalArgumentException("maxServerGroups must be at least 1, got " + maxServerGroups);
      }
      for (Duration d : List.of(delayBeforeDisable, delayBeforeScaleDown, waitForInstancesUp)) {
        if (d.isNegative()) {
          throw new IllegalArgumentException("red-black delays must not be negative, got " + d);
        }
      }
      stagger = List.copyOf(stagger);
    }
  }

  /**
   * Highlander: once the new group is healthy every other group is destroyed.
   *
   * @param health the health waited for
   */
  record Highlander(DeployHealth health) implements DeployStrategy {}

  /**
   * No strategy: the new group is created and older ones are left as they are.
   *
   * @param health the health waited for
   */
  record None(DeployHealth health) implements DeployStrategy {
    @Override
    public boolean toleratesSeveralEnabled() {
      return true;
    }
  }

  /**
   * Rolling push: the instances of the existing group are replaced in place.
   *
   * @param health the health waited for
   * @param relaunchAllInstances whether every instance is replaced
   * @param numConcurrentRelaunches how many at a time, or null for one
   * @param totalRelaunches how many in total, or null for all
   * @param terminationOrder {@code NEWEST_FIRST} or {@code OLDEST_FIRST}, or null
   */
  record RollingPush(DeployHealth health, boolean relaunchAllInstances, @Nullable Integer numConcurrentRelaunches,
      @Nullable Integer totalRelaunches, @Nullable String terminationOrder) implements DeployStrategy {}
}
