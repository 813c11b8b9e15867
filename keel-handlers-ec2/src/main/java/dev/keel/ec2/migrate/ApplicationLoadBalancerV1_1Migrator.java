package dev.keel.ec2.migrate;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec.Listener;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerV1_1Spec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.model.SupportedKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * {@code ec2/application-load-balancer@v1.1} to {@code @v1.2}: a listener's {@code certificateArn} becomes
 * {@code certificate}, the certificate name after {@code :server-certificate/}.
 */
@Extension
public final class ApplicationLoadBalancerV1_1Migrator
    implements SpecMigrator<ApplicationLoadBalancerV1_1Spec, ApplicationLoadBalancerSpec> {

  /** Creates the migrator. */
  public ApplicationLoadBalancerV1_1Migrator() {}

  @Override
  public SupportedKind<ApplicationLoadBalancerV1_1Spec> input() {
    return Ec2Kinds.APPLICATION_LOAD_BALANCER_V1_1;
  }

  @Override
  public SupportedKind<ApplicationLoadBalancerSpec> output() {
    return Ec2Kinds.APPLICATION_LOAD_BALANCER;
  }

  @Override
  public ApplicationLoadBalancerSpec migrate(ApplicationLoadBalancerV1_1Spec s) {
    Map<String, ApplicationLoadBalancerSpec.RegionOverride> overrides = new LinkedHashMap<>();
    if (s.overrides() != null) {
      s.overrides().forEach((region, o) -> overrides.put(region, new ApplicationLoadBalancerSpec.RegionOverride(
          o.dependencies(), o.listeners() == null ? null : listeners(o.listeners()), o.targetGroups())));
    }
    return new ApplicationLoadBalancerSpec(s.moniker(), s.locations(), s.internal(), s.dependencies(), s.idleTimeout(),
        listeners(s.listeners()), s.targetGroups(), overrides);
  }

  private static Set<Listener> listeners(@Nullable Set<ApplicationLoadBalancerV1_1Spec.Listener> listeners) {
    if (listeners == null) {
      return Set.of();
    }
    return listeners.stream().map(l -> new Listener(l.port(), l.protocol(), certificateName(l.certificateArn()),
        l.rules(), l.defaultActions())).collect(Collectors.toSet());
  }

  /**
   * The certificate name in an ARN.
   *
   * @param arn an ARN such as {@code arn:aws:iam::123:server-certificate/name}, or null
   * @return the name, or null
   */
  @Nullable
  static String certificateName(@Nullable String arn) {
    if (arn == null) {
      return null;
    }
    int i = arn.indexOf(":server-certificate/");
    return i < 0 ? arn : arn.substring(i + ":server-certificate/".length());
  }
}
