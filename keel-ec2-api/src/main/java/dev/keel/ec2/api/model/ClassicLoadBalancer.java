package dev.keel.ec2.api.model;

import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import java.time.Duration;
import java.util.Set;

/**
 * One region of a classic load balancer as compared.
 *
 * @param name the name
 * @param location where it runs
 * @param internal internal or internet-facing
 * @param securityGroupNames its security groups
 * @param listeners listeners
 * @param healthCheck the health check
 * @param idleTimeout the idle timeout
 */
public record ClassicLoadBalancer(String name, Location location, boolean internal, Set<String> securityGroupNames,
    Set<ClassicLoadBalancerSpec.Listener> listeners, ClassicLoadBalancerSpec.HealthCheck healthCheck,
    Duration idleTimeout) {

  /** Copies. */
  public ClassicLoadBalancer {
    securityGroupNames = Set.copyOf(securityGroupNames);
    listeners = Set.copyOf(listeners);
  }
}
