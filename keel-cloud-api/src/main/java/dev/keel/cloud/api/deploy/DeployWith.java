package dev.keel.cloud.api.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * The {@code deployWith} block of a cluster spec as users write it: a {@code strategy} name and the
 * properties of that strategy. Properties that the strategy does not have are rejected. Omitted entirely,
 * the strategy is red-black with Keel's defaults.
 *
 * @param strategy {@code red-black} (default), {@code highlander}, {@code none} or {@code rolling-push}
 * @param health {@code AUTO} (default) or {@code NONE}
 * @param rollbackOnFailure red-black only
 * @param resizePreviousToZero red-black only
 * @param maxServerGroups red-black only, default 2
 * @param delayBeforeDisable red-black only
 * @param delayBeforeScaleDown red-black only
 * @param waitForInstancesUp red-black only, default 30 minutes
 * @param stagger red-black only: regions deployed one after another
 * @param relaunchAllInstances rolling-push only, default true
 * @param numConcurrentRelaunches rolling-push only
 * @param totalRelaunches rolling-push only
 * @param terminationOrder rolling-push only: {@code NEWEST_FIRST} or {@code OLDEST_FIRST}
 */
public record DeployWith(@Nullable String strategy, @Nullable String health, @Nullable Boolean rollbackOnFailure,
    @Nullable Boolean resizePreviousToZero, @Nullable Integer maxServerGroups, @Nullable Duration delayBeforeDisable,
    @Nullable Duration delayBeforeScaleDown, @Nullable Duration waitForInstancesUp,
    @Nullable List<StaggeredRegion> stagger, @Nullable Boolean relaunchAllInstances,
    @Nullable Integer numConcurrentRelaunches, @Nullable Integer totalRelaunches, @Nullable String terminationOrder) {

  /** The declared strategy names. */
  public static final List<String> STRATEGIES = List.of("red-black", "highlander", "none", "rolling-push");

  /** Validates the combination so that a bad block fails when the config is read. */
  public DeployWith {
    String name = strategy == null ? "red-black" : strategy.trim().toLowerCase(Locale.ROOT);
    if (!STRATEGIES.contains(name)) {
      throw new IllegalArgumentException("Unknown deploy strategy '" + strategy + "': use one of " + STRATEGIES);
    }
    strategy = name;
    stagger = stagger == null ? List.of() : List.copyOf(stagger);
    boolean redBlackProps = rollbackOnFailure != null || resizePreviousToZero != null || maxServerGroups != null
        || delayBeforeDisable != null || delayBeforeScaleDown != null || waitForInstancesUp != null
        || !stagger.isEmpty();
    boolean rollingProps = relaunchAllInstances != null || numConcurrentRelaunches != null || totalRelaunches != null
        || terminationOrder != null;
    if (redBlackProps && !name.equals("red-black")) {
      throw new IllegalArgumentException("deployWith strategy '" + name + "' does not take red-black properties"
          + " (rollbackOnFailure, resizePreviousToZero, maxServerGroups, delays, stagger): remove them or use red-black");
    }
    if (rollingProps && !name.equals("rolling-push")) {
      throw new IllegalArgumentException("deployWith strategy '" + name + "' does not take rolling-push properties"
          + " (relaunchAllInstances, numConcurrentRelaunches, totalRelaunches, terminationOrder)");
    }
    if (terminationOrder != null && !List.of("NEWEST_FIRST", "OLDEST_FIRST").contains(terminationOrder)) {
      throw new IllegalArgumentException("Unknown terminationOrder '" + terminationOrder
          + "': use NEWEST_FIRST or OLDEST_FIRST");
    }
    DeployHealth.parse(health);
    toStrategy(name, health, rollbackOnFailure, resizePreviousToZero, maxServerGroups, delayBeforeDisable,
        delayBeforeScaleDown, waitForInstancesUp, stagger, relaunchAllInstances, numConcurrentRelaunches,
        totalRelaunches, terminationOrder);
  }

  /**
   * Red-black with Keel's defaults.
   *
   * @return the default block
   */
  public static DeployWith redBlack() {
    return new DeployWith(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * A strategy with its defaults.
   *
   * @param strategy the strategy name
   * @return the block
   */
  public static DeployWith of(String strategy) {
    return new DeployWith(strategy, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The strategy this block declares, defaults filled in.
   *
   * @return the strategy
   */
  public DeployStrategy toStrategy() {
    return toStrategy(strategy, health, rollbackOnFailure, resizePreviousToZero, maxServerGroups, delayBeforeDisable,
        delayBeforeScaleDown, waitForInstancesUp, stagger, relaunchAllInstances, numConcurrentRelaunches,
        totalRelaunches, terminationOrder);
  }

  private static DeployStrategy toStrategy(String name, @Nullable String health, @Nullable Boolean rollbackOnFailure,
      @Nullable Boolean resizePreviousToZero, @Nullable Integer maxServerGroups, @Nullable Duration delayBeforeDisable,
      @Nullable Duration delayBeforeScaleDown, @Nullable Duration waitForInstancesUp, List<StaggeredRegion> stagger,
      @Nullable Boolean relaunchAllInstances, @Nullable Integer numConcurrentRelaunches,
      @Nullable Integer totalRelaunches, @Nullable String terminationOrder) {
    DeployHealth h = DeployHealth.parse(health);
    DeployStrategy.RedBlack d = DeployStrategy.RedBlack.DEFAULT;
    return switch (name) {
      case "highlander" -> new DeployStrategy.Highlander(h);
      case "none" -> new DeployStrategy.None(h);
      case "rolling-push" -> new DeployStrategy.RollingPush(h, relaunchAllInstances == null || relaunchAllInstances,
          numConcurrentRelaunches, totalRelaunches, terminationOrder);
      default -> new DeployStrategy.RedBlack(h, rollbackOnFailure != null && rollbackOnFailure,
          resizePreviousToZero != null && resizePreviousToZero,
          maxServerGroups == null ? d.maxServerGroups() : maxServerGroups,
          delayBeforeDisable == null ? d.delayBeforeDisable() : delayBeforeDisable,
          delayBeforeScaleDown == null ? d.delayBeforeScaleDown() : delayBeforeScaleDown,
          waitForInstancesUp == null ? d.waitForInstancesUp() : waitForInstancesUp, stagger);
    };
  }

}
