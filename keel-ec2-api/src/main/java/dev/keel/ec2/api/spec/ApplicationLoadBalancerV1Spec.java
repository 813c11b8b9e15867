package dev.keel.ec2.api.spec;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.TargetGroupAttributes;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * {@code ec2/application-load-balancer@v1} (deprecated): target group health check timings are given in
 * seconds. Migrated to v1.1.
 *
 * @param moniker the name
 * @param locations locations
 * @param internal internal or internet-facing
 * @param dependencies security groups
 * @param idleTimeout idle timeout
 * @param listeners listeners
 * @param targetGroups v1 target groups
 * @param overrides per-region replacements
 */
public record ApplicationLoadBalancerV1Spec(Moniker moniker, @Nullable Locations locations, @Nullable Boolean internal,
    @Nullable LoadBalancerDependencies dependencies, @Nullable Duration idleTimeout,
    Set<ApplicationLoadBalancerV1_1Spec.Listener> listeners, Set<TargetGroup> targetGroups,
    @Nullable Map<String, RegionOverride> overrides) implements Monikered, Locatable {

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * A v1 target group.
   *
   * @param name the name
   * @param targetType target type
   * @param protocol protocol
   * @param port port
   * @param healthCheckEnabled health check enabled
   * @param healthCheckTimeoutSeconds health check timeout in seconds
   * @param healthCheckPort health check port
   * @param healthCheckProtocol health check protocol
   * @param healthCheckHttpCode matcher
   * @param healthCheckPath path
   * @param healthCheckIntervalSeconds interval in seconds
   * @param healthyThresholdCount healthy threshold
   * @param unhealthyThresholdCount unhealthy threshold
   * @param attributes attributes
   */
  public record TargetGroup(String name, @Nullable String targetType, @Nullable String protocol, int port,
      @Nullable Boolean healthCheckEnabled, @Nullable Integer healthCheckTimeoutSeconds, @Nullable Integer healthCheckPort,
      @Nullable String healthCheckProtocol, @Nullable String healthCheckHttpCode, @Nullable String healthCheckPath,
      @Nullable Integer healthCheckIntervalSeconds, @Nullable Integer healthyThresholdCount,
      @Nullable Integer unhealthyThresholdCount, @Nullable TargetGroupAttributes attributes) {}

  /**
   * One region's replacements.
   *
   * @param dependencies security groups
   * @param listeners listeners
   * @param targetGroups v1 target groups
   */
  public record RegionOverride(@Nullable LoadBalancerDependencies dependencies,
      @Nullable Set<ApplicationLoadBalancerV1_1Spec.Listener> listeners, @Nullable Set<TargetGroup> targetGroups) {}
}
