package dev.keel.titus.veto;

import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.DependencyType;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.handler.TitusClouds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Denies acting on a Titus cluster while a security group it names is missing in its Titus account's backing
 * AWS account, suggesting MISSING_DEPENDENCY (the artifact version is not vetoed). As Keel does when it builds
 * the deploy, {@code nf-infrastructure}, {@code nf-datacenter} and the application's own group are not waited
 * for: Titus attaches them itself.
 */
@Extension
public final class TitusSecurityGroupsVeto implements Veto {

  private static final Set<String> PROVIDED = Set.of("nf-infrastructure", "nf-datacenter");

  private final TitusCloud cloud;

  /**
   * A veto over the context's cloud.
   *
   * @param context the plugin's context
   */
  public TitusSecurityGroupsVeto(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * A veto over a cloud.
   *
   * @param cloud the cloud
   */
  public TitusSecurityGroupsVeto(TitusCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "titus-security-groups";
  }

  @Override
  public VetoResponse check(Resource<?> resource, ResourceContext context) {
    if (!(resource.spec() instanceof TitusClusterSpec spec) || spec.locations() == null) {
      return VetoResponse.allow();
    }
    String account = spec.locations().account();
    Optional<TitusAccount> titus = cloud.account(account);
    if (titus.isEmpty()) {
      return VetoResponse.deny("Titus knows no account " + account + ": check locations.account of " + spec.id(),
          ResourceStatus.MISSING_DEPENDENCY);
    }
    String aws = titus.get().awsAccount();
    List<String> missing = new ArrayList<>();
    for (Dependency d : spec.dependsOn()) {
      if (d.type() != DependencyType.SECURITY_GROUP || PROVIDED.contains(d.name())
          || d.name().equals(spec.moniker().app())) {
        continue;
      }
      if (!cloud.securityGroupExists(aws, d.region(), d.name())) {
        missing.add(d.name() + " in " + aws + "/" + d.region());
      }
    }
    if (missing.isEmpty()) {
      return VetoResponse.allow();
    }
    return VetoResponse.deny("Waiting for missing security groups in the backing AWS account of Titus account "
        + account + ": " + String.join(", ", missing) + " (create them, or remove them from the spec)",
        ResourceStatus.MISSING_DEPENDENCY);
  }
}
