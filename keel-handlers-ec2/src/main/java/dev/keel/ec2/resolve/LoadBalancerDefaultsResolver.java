package dev.keel.ec2.resolve;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.LoadBalancerDependencies;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Load balancer defaults: no security groups means the application's {@code <app>-elb} group (which the cloud
 * creates with the load balancer), and an application load balancer listener without default actions
 * forwards to the first target group.
 */
@Extension
public final class LoadBalancerDefaultsResolver implements Resolver<ResourceSpec> {

  /** Creates the resolver. */
  public LoadBalancerDefaultsResolver() {}

  @Override
  public String name() {
    return "ec2-load-balancer-defaults";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return resource.spec() instanceof ClassicLoadBalancerSpec || resource.spec() instanceof ApplicationLoadBalancerSpec;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    ResourceSpec s = resource.spec();
    if (s instanceof ClassicLoadBalancerSpec c) {
      return (Resource<ResourceSpec>) (Resource<?>) ((Resource<ClassicLoadBalancerSpec>) (Resource<?>) resource)
          .withSpec(c.with(c.locations(), elb(c.dependencies(), c.moniker().app())));
    }
    ApplicationLoadBalancerSpec a = (ApplicationLoadBalancerSpec) s;
    String first = a.targetGroups().stream().map(ApplicationLoadBalancerSpec.TargetGroup::name).sorted().findFirst()
        .orElse(null);
    Set<ApplicationLoadBalancerSpec.Listener> listeners = new LinkedHashSet<>();
    for (var l : a.listeners()) {
      listeners.add(l.defaultActions().isEmpty() && first != null
          ? l.withDefaultActions(List.of(ApplicationLoadBalancerSpec.Action.forward(1, first))) : l);
    }
    return (Resource<ResourceSpec>) (Resource<?>) ((Resource<ApplicationLoadBalancerSpec>) (Resource<?>) resource)
        .withSpec(a.with(a.locations(), elb(a.dependencies(), a.moniker().app()), listeners));
  }

  private static LoadBalancerDependencies elb(LoadBalancerDependencies d, String app) {
    return d.securityGroupNames().isEmpty() ? new LoadBalancerDependencies(Set.of(app + "-elb")) : d;
  }
}
