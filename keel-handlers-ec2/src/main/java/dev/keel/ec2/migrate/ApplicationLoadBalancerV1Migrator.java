package dev.keel.ec2.migrate;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.TargetGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerV1Spec;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerV1_1Spec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.model.SupportedKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * {@code ec2/application-load-balancer@v1} to {@code @v1.1}: target group {@code healthCheckTimeoutSeconds}
 * and {@code healthCheckIntervalSeconds} become the durations {@code healthCheckTimeout} and
 * {@code healthCheckInterval}.
 */
@Extension
public final class ApplicationLoadBalancerV1Migrator
    implements SpecMigrator<ApplicationLoadBalancerV1Spec, ApplicationLoadBalancerV1_1Spec> {

  /** Creates the migrator. */
  public ApplicationLoadBalancerV1Migrator() {}

  @Override
  public SupportedKind<ApplicationLoadBalancerV1Spec> input() {
    return Ec2Kinds.APPLICATION_LOAD_BALANCER_V1;
  }

  @Override
  public SupportedKind<ApplicationLoadBalancerV1_1Spec> output() {
    return Ec2Kinds.APPLICATION_LOAD_BALANCER_V1_1;
  }

  @Override
  public ApplicationLoadBalancerV1_1Spec migrate(ApplicationLoadBalancerV1Spec s) {
    Map<String, ApplicationLoadBalancerV1_1Spec.RegionOverride> overrides = new LinkedHashMap<>();
    if (s.overrides() != null) {
      s.overrides().forEach((region, o) -> overrides.put(region, new ApplicationLoadBalancerV1_1Spec.RegionOverride(
          o.dependencies(), o.listeners(), o.targetGroups() == null ? null : targetGroups(o.targetGroups()))));
    }
    return new ApplicationLoadBalancerV1_1Spec(s.moniker(), s.locations(), s.internal(), s.dependencies(),
        s.idleTimeout(), s.listeners(), targetGroups(s.targetGroups()), overrides);
  }

  private static Set<TargetGroup> targetGroups(@Nullable Set<ApplicationLoadBalancerV1Spec.TargetGroup> groups) {
    if (groups == null) {
      return Set.of();
    }
    return groups.stream().map(g -> new TargetGroup(g.name(), g.targetType(), g.protocol(), g.port(),
        g.healthCheckEnabled(), seconds(g.healthCheckTimeoutSeconds()), g.healthCheckPort(), g.healthCheckProtocol(),
        g.healthCheckHttpCode(), g.healthCheckPath(), seconds(g.healthCheckIntervalSeconds()), g.healthyThresholdCount(),
        g.unhealthyThresholdCount(), g.attributes())).collect(Collectors.toSet());
  }

  @Nullable
  private static Duration seconds(@Nullable Integer s) {
    return s == null ? null : Duration.ofSeconds(s);
  }
}
