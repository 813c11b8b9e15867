package dev.keel.titus.spec;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * What a Titus job is attached to, by name. Security groups live in the Titus account's backing AWS account.
 *
 * @param loadBalancerNames classic load balancers
 * @param securityGroupNames security groups
 * @param targetGroups target groups
 */
public record ClusterDependencies(Set<String> loadBalancerNames, Set<String> securityGroupNames,
    Set<String> targetGroups) {

  /** Nothing. */
  public static final ClusterDependencies NONE = new ClusterDependencies(null, null, null);

  /** Sorted copies; null is empty. */
  public ClusterDependencies {
    loadBalancerNames = sorted(loadBalancerNames);
    securityGroupNames = sorted(securityGroupNames);
    targetGroups = sorted(targetGroups);
  }

  private static Set<String> sorted(@Nullable Set<String> s) {
    return s == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(s));
  }

  /**
   * The union with other dependencies (an override adds to the cluster's).
   *
   * @param other the other dependencies, or null
   * @return the union
   */
  public ClusterDependencies plus(@Nullable ClusterDependencies other) {
    if (other == null) {
      return this;
    }
    var lb = new TreeSet<>(loadBalancerNames);
    lb.addAll(other.loadBalancerNames);
    var sg = new TreeSet<>(securityGroupNames);
    sg.addAll(other.securityGroupNames);
    var tg = new TreeSet<>(targetGroups);
    tg.addAll(other.targetGroups);
    return new ClusterDependencies(lb, sg, tg);
  }
}
