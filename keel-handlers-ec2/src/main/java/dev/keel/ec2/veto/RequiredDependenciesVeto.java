package dev.keel.ec2.veto;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Dependency;
import dev.keel.spi.model.Dependent;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * Denies acting on an EC2 cluster or load balancer while a security group, load balancer (classic or
 * application, unlike Keel which only knew classic ones) or target group it depends on is missing in its
 * region, suggesting MISSING_DEPENDENCY. The artifact version is not vetoed. A load balancer's own
 * {@code <app>-elb} group is not waited for: the cloud creates it with the load balancer. An application load
 * balancer also waits for the certificates its HTTPS listeners name.
 */
@Extension
public final class RequiredDependenciesVeto implements Veto {

  private final Ec2Cloud cloud;

  /**
   * A veto over the context's cloud.
   *
   * @param context the plugin's context
   */
  public RequiredDependenciesVeto(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A veto over a cloud.
   *
   * @param cloud the cloud
   */
  public RequiredDependenciesVeto(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "ec2-required-dependencies";
  }

  @Override
  public VetoResponse check(Resource<?> resource, ResourceContext context) {
    var spec = resource.spec();
    if (!(spec instanceof Ec2ClusterSpec || spec instanceof ClassicLoadBalancerSpec
        || spec instanceof ApplicationLoadBalancerSpec)) {
      return VetoResponse.allow();
    }
    var locations = ((Locatable) spec).locations();
    String account = locations.account();
    String vpc = locations.effectiveVpc();
    List<String> missing = new ArrayList<>();
    boolean loadBalancer = !(spec instanceof Ec2ClusterSpec);
    String elb = spec.application() + "-elb";
    for (Dependency d : ((Dependent) spec).dependsOn()) {
      if (loadBalancer && d.name().equals(elb)) {
        continue;
      }
      boolean present = switch (d.type()) {
        case SECURITY_GROUP -> cloud.securityGroup(account, d.region(), vpc, d.name()).isPresent();
        case LOAD_BALANCER -> cloud.classicLoadBalancer(account, d.region(), d.name()).isPresent()
            || cloud.applicationLoadBalancer(account, d.region(), d.name()).isPresent();
        case TARGET_GROUP -> cloud.targetGroups(spec.application(), account, d.region()).contains(d.name());
        case GENERIC_RESOURCE -> true;
      };
      if (!present) {
        missing.add(d.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + d.name() + " in "
            + account + "/" + d.region());
      }
    }
    if (spec instanceof ApplicationLoadBalancerSpec alb) {
      Set<String> certificates = new TreeSet<>();
      alb.listeners().forEach(l -> addCertificate(certificates, l));
      alb.overrides().values().stream().filter(o -> o.listeners() != null).flatMap(o -> o.listeners().stream())
          .forEach(l -> addCertificate(certificates, l));
      for (String c : certificates) {
        if (cloud.certificate(account, c).isEmpty()) {
          missing.add("certificate " + c + " in " + account);
        }
      }
    }
    if (missing.isEmpty()) {
      return VetoResponse.allow();
    }
    return VetoResponse.deny("Waiting for missing dependencies: " + String.join(", ", missing)
        + " (create them, or remove them from the spec)", ResourceStatus.MISSING_DEPENDENCY);
  }

  private static void addCertificate(Set<String> into, ApplicationLoadBalancerSpec.Listener listener) {
    if (listener.certificate() != null) {
      into.add(listener.certificate());
    }
  }
}
