package dev.keel.cloud.api;

import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import javax.annotation.Nullable;

/**
 * One region of a cluster as a cloud's model compares it: the desired server group, or the active (newest
 * enabled) one. The cluster decision table classifies diffs by the names of the top-level properties, of which
 * every cloud's model has {@code capacity}, {@code scaling} and {@code onlyEnabledServerGroup}.
 *
 * @param <G> the cloud's own model type
 * @param <P> its scaling policies
 */
public interface ClusterServerGroup<G extends ClusterServerGroup<G, P>, P extends ScalingPolicies<P>> {

  /**
   * The cluster name in desired state, the server group name in current.
   *
   * @return the name
   */
  String name();

  /**
   * Where it runs.
   *
   * @return its account and region (and whatever else the cloud locates it by)
   */
  RegionalLocation location();

  /**
   * The account it runs in.
   *
   * @return the account
   */
  default String account() {
    return location().account();
  }

  /**
   * The region it runs in.
   *
   * @return the region
   */
  default String region() {
    return location().region();
  }

  /**
   * What a deploy of it runs, for people: an image id, a container digest.
   *
   * @return the image
   */
  String image();

  /**
   * Its capacity.
   *
   * @return the capacity
   */
  Capacity capacity();

  /**
   * Its scaling policies.
   *
   * @return the policies
   */
  P scaling();

  /**
   * True in desired state; in current, whether exactly one server group of the region is enabled.
   *
   * @return the flag
   */
  boolean onlyEnabledServerGroup();

  /**
   * The artifact version it runs (not compared: the image is).
   *
   * @return the version, or null if unknown
   */
  @Nullable
  String artifactVersion();

  /**
   * A copy as an existing server group of the cluster.
   *
   * @param serverGroupName the server group's name
   * @param onlyEnabled whether it is the only enabled group of its region
   * @return the copy
   */
  G asServerGroup(String serverGroupName, boolean onlyEnabled);

  /**
   * A copy with another capacity.
   *
   * @param capacity the capacity
   * @return the copy
   */
  G withCapacity(Capacity capacity);

  /**
   * A copy with other scaling policies.
   *
   * @param scaling the policies
   * @return the copy
   */
  G withScaling(P scaling);

  /**
   * What a deploy of this model is, for people: what is deployed where, with which strategy.
   *
   * @param strategy the deploy strategy
   * @param source the server group cloned, or null
   * @param wave where the region's deploy sits in a staggered deploy
   * @return the description
   */
  default String describeDeploy(DeployStrategy strategy, @Nullable String source, DeployWave wave) {
    return "Deploy " + image() + (artifactVersion() == null ? "" : " (" + artifactVersion() + ")") + " to cluster "
        + name() + " in " + account() + "/" + region() + " with " + strategy.displayName()
        + (source == null ? "" : ", cloning " + source)
        + (wave.after() == null ? "" : ", after " + wave.after())
        + (wave.window() == null ? "" : ", between " + wave.window().startHour() + "h and " + wave.window().endHour()
            + "h UTC")
        + (wave.pauseAfter() == null ? "" : ", then wait " + wave.pauseAfter());
  }
}
