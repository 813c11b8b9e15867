package dev.keel.ec2.api.spec;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.Action;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.Rule;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.TargetGroup;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Monikered;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * {@code ec2/application-load-balancer@v1.1} (deprecated): listeners name their certificate by ARN.
 * Migrated to v1.2, which names it by certificate name.
 *
 * @param moniker the name
 * @param locations locations
 * @param internal internal or internet-facing
 * @param dependencies security groups
 * @param idleTimeout idle timeout
 * @param listeners listeners with certificate ARNs
 * @param targetGroups target groups
 * @param overrides per-region replacements
 */
public record ApplicationLoadBalancerV1_1Spec(Moniker moniker, @Nullable Locations locations,
    @Nullable Boolean internal, @Nullable LoadBalancerDependencies dependencies, @Nullable Duration idleTimeout,
    Set<Listener> listeners, Set<TargetGroup> targetGroups, @Nullable Map<String, RegionOverride> overrides)
    implements Monikered, Locatable {

  @Override
  public String id() {
    return (locations == null ? "?" : locations.account()) + ":" + moniker.toName();
  }

  /**
   * A v1.1 listener.
   *
   * @param port the port
   * @param protocol the protocol
   * @param certificateArn the certificate ARN, or null
   * @param rules rules
   * @param defaultActions default actions
   */
  public record Listener(int port, String protocol, @Nullable String certificateArn, @Nullable Set<Rule> rules,
      @Nullable List<Action> defaultActions) {}

  /**
   * One region's replacements.
   *
   * @param dependencies security groups
   * @param listeners listeners
   * @param targetGroups target groups
   */
  public record RegionOverride(@Nullable LoadBalancerDependencies dependencies, @Nullable Set<Listener> listeners,
      @Nullable Set<TargetGroup> targetGroups) {}
}
