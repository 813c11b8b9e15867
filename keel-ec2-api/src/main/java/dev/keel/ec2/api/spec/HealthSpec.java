package dev.keel.ec2.api.spec;

import java.time.Duration;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * Server group health settings; each omitted field takes the cluster's, then the built-in default
 * (cooldown 10s, warmup 600s, EC2 health checks, no metrics, OldestInstance termination).
 *
 * @param cooldown the scaling cooldown
 * @param warmup the health check grace period
 * @param healthCheckType {@code EC2} or {@code ELB}
 * @param enabledMetrics the auto scaling group metrics to collect
 * @param terminationPolicies the termination policies
 */
public record HealthSpec(@Nullable Duration cooldown, @Nullable Duration warmup, @Nullable String healthCheckType,
    @Nullable Set<String> enabledMetrics, @Nullable Set<String> terminationPolicies) {

  /** Canonical spellings. */
  public HealthSpec {
    healthCheckType = healthCheckType == null ? null : CanonicalName.HEALTH_CHECK_TYPES.of(healthCheckType);
    enabledMetrics = enabledMetrics == null ? null : Set.copyOf(enabledMetrics);
    terminationPolicies = terminationPolicies == null ? null : CanonicalName.TERMINATION_POLICIES.of(terminationPolicies);
  }
}
