package dev.keel.cloud.api.spec;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * What a server group is attached to, by name.
 *
 * @param loadBalancerNames classic load balancers
 * @param securityGroupNames security groups
 * @param targetGroups target groups of application load balancers
 */
public record ClusterDependencies(Set<String> loadBalancerNames, Set<String> securityGroupNames,
    Set<String> targetGroups) {

  /** Nothing. */
  public static final ClusterDependencies NONE = new ClusterDependencies(null, null, null);

  /** Sorted copies; null means empty. */
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

  /**
   * These dependencies without some security groups.
   *
   * @param groups the group names to leave out
   * @return the dependencies
   */
  public ClusterDependencies withoutSecurityGroups(Set<String> groups) {
    var sg = new TreeSet<>(securityGroupNames);
    sg.removeAll(groups);
    return new ClusterDependencies(loadBalancerNames, sg, targetGroups);
  }
}
