package dev.keel.ec2.api.spec;

import java.util.Set;
import java.util.TreeSet;

/**
 * The security groups a load balancer uses; empty means the application's {@code <app>-elb} group,
 * filled in by a resolver.
 *
 * @param securityGroupNames the groups' names
 */
public record LoadBalancerDependencies(Set<String> securityGroupNames) {

  /** None. */
  public static final LoadBalancerDependencies NONE = new LoadBalancerDependencies(Set.of());

  /** Sorted copy; null is empty. */
  public LoadBalancerDependencies {
    securityGroupNames = securityGroupNames == null ? Set.of()
        : java.util.Collections.unmodifiableSet(new TreeSet<>(securityGroupNames));
  }
}
