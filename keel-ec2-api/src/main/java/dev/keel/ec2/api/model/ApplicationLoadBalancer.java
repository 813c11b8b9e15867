package dev.keel.ec2.api.model;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import java.time.Duration;
import java.util.Set;

/**
 * One region of an application load balancer as compared.
 *
 * @param name the name
 * @param location where it runs
 * @param internal internal or internet-facing
 * @param securityGroupNames its security groups
 * @param idleTimeout the idle timeout
 * @param listeners listeners (certificates by name, default rules left out)
 * @param targetGroups target groups
 */
public record ApplicationLoadBalancer(String name, Location location, boolean internal, Set<String> securityGroupNames,
    Duration idleTimeout, Set<ApplicationLoadBalancerSpec.Listener> listeners,
    Set<ApplicationLoadBalancerSpec.TargetGroup> targetGroups) {

  /** Copies. */
  public ApplicationLoadBalancer {
    securityGroupNames = Set.copyOf(securityGroupNames);
    listeners = Set.copyOf(listeners);
    targetGroups = Set.copyOf(targetGroups);
  }
}
