package dev.keel.ec2.resolve;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * Completes the network of clusters and load balancers: the subnet purpose defaults to
 * {@code internal (<vpc>)}, and a region without zones gets every zone that has a subnet of that purpose in
 * the region's VPC.
 */
@Extension
public final class NetworkResolver implements Resolver<ResourceSpec> {

  private final Ec2Cloud cloud;

  /**
   * A resolver over the context's cloud.
   *
   * @param context the plugin's context
   */
  public NetworkResolver(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   */
  public NetworkResolver(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "ec2-network";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    ResourceSpec s = resource.spec();
    return s instanceof Ec2ClusterSpec || s instanceof ClassicLoadBalancerSpec || s instanceof ApplicationLoadBalancerSpec;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    ResourceSpec s = resource.spec();
    if (s instanceof Ec2ClusterSpec c) {
      return (Resource<ResourceSpec>) (Resource<?>) ((Resource<Ec2ClusterSpec>) (Resource<?>) resource)
          .withSpec(c.withLocations(resolve(c.locations())));
    }
    if (s instanceof ClassicLoadBalancerSpec c) {
      return (Resource<ResourceSpec>) (Resource<?>) ((Resource<ClassicLoadBalancerSpec>) (Resource<?>) resource)
          .withSpec(c.with(resolve(c.locations()), c.dependencies()));
    }
    ApplicationLoadBalancerSpec a = (ApplicationLoadBalancerSpec) s;
    return (Resource<ResourceSpec>) (Resource<?>) ((Resource<ApplicationLoadBalancerSpec>) (Resource<?>) resource)
        .withSpec(a.with(resolve(a.locations()), a.dependencies(), a.listeners()));
  }

  private Locations resolve(Locations l) {
    String vpc = l.effectiveVpc();
    String purpose = l.subnet() == null ? "internal (" + vpc + ")" : l.subnet();
    Set<RegionSpec> regions = new LinkedHashSet<>();
    for (RegionSpec r : l.regions()) {
      if (!r.availabilityZones().isEmpty()) {
        regions.add(r);
        continue;
      }
      String vpcId = cloud.network(l.account(), r.name(), vpc).map(Catalog.Network::id).orElse(null);
      Set<String> zones = new TreeSet<>();
      cloud.subnets(l.account(), r.name()).stream()
          .filter(sn -> sn.purpose().equals(purpose) && sn.vpcId().equals(vpcId))
          .forEach(sn -> zones.add(sn.availabilityZone()));
      regions.add(new RegionSpec(r.name(), zones));
    }
    return new Locations(l.account(), l.vpc(), purpose, regions);
  }
}
