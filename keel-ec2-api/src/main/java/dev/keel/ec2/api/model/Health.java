package dev.keel.ec2.api.model;

import java.time.Duration;
import java.util.Set;

/**
 * Resolved health settings.
 *
 * @param cooldown the scaling cooldown
 * @param warmup the health check grace period
 * @param healthCheckType EC2 or ELB
 * @param enabledMetrics collected metrics
 * @param terminationPolicies termination policies
 */
public record Health(Duration cooldown, Duration warmup, String healthCheckType, Set<String> enabledMetrics,
    Set<String> terminationPolicies) {

  /** Keel's defaults: 10s cooldown, 600s warmup, EC2, no metrics, OldestInstance. */
  public static final Health DEFAULT = new Health(Duration.ofSeconds(10), Duration.ofSeconds(600), "EC2", Set.of(),
      Set.of("OldestInstance"));

  /** Copies the sets. */
  public Health {
    enabledMetrics = Set.copyOf(enabledMetrics);
    terminationPolicies = Set.copyOf(terminationPolicies);
  }
}
