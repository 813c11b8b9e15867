package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Handles {@code ec2/application-load-balancer@v1.2}: one load balancer per region (overrides replace the base
 * dependencies, listeners or target groups); any regional difference upserts the whole load balancer there.
 */
@Extension
public final class ApplicationLoadBalancerHandler extends LoadBalancerHandlerBase<ApplicationLoadBalancerSpec, ApplicationLoadBalancer> {

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public ApplicationLoadBalancerHandler(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public ApplicationLoadBalancerHandler(Ec2Cloud cloud) {
    super(cloud);
  }

  @Override
  java.util.Optional<ApplicationLoadBalancer> read(String account, String region, String name) {
    return cloud.applicationLoadBalancer(account, region, name);
  }

  @Override
  Ec2Operation upsert(ApplicationLoadBalancer model, boolean create) {
    return new Ec2Operation.UpsertApplicationLoadBalancer(model, create);
  }

  @Override
  dev.keel.ec2.api.model.Location locationOf(ApplicationLoadBalancer model) {
    return model.location();
  }

  @Override
  String nameOf(ApplicationLoadBalancer model) {
    return model.name();
  }

  @Override
  public SupportedKind<ApplicationLoadBalancerSpec> supportedKind() {
    return Ec2Kinds.APPLICATION_LOAD_BALANCER;
  }

  @Override
  public Map<String, ApplicationLoadBalancer> desired(Resource<ApplicationLoadBalancerSpec> resource, ResourceContext context) {
    ApplicationLoadBalancerSpec s = resource.spec();
    Locations l = s.locations();
    Map<String, ApplicationLoadBalancer> out = new TreeMap<>();
    for (RegionSpec region : l.regions()) {
      var o = s.overrides().get(region.name());
      var deps = o != null && o.dependencies() != null ? o.dependencies() : s.dependencies();
      var listeners = o != null && o.listeners() != null ? o.listeners() : s.listeners();
      var groups = o != null && o.targetGroups() != null ? o.targetGroups() : s.targetGroups();
      out.put(region.name(), new ApplicationLoadBalancer(s.moniker().toName(), LoadBalancerLocations.of(l, region),
          s.internal(), deps.securityGroupNames(), s.idleTimeout(), listeners, groups));
    }
    return out;
  }

  @Override
  public ApplicationLoadBalancerSpec export(Exportable e) {
    return LoadBalancerExport.application(e, found(e), ExportRegions.of(cloud, e));
  }
}
