package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
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
 * Handles {@code ec2/classic-load-balancer@v1}: one load balancer per region (overrides replace the base
 * dependencies, listeners or health check); any regional difference upserts the whole load balancer there.
 */
@Extension
public final class ClassicLoadBalancerHandler extends LoadBalancerHandlerBase<ClassicLoadBalancerSpec, ClassicLoadBalancer> {

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public ClassicLoadBalancerHandler(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public ClassicLoadBalancerHandler(Ec2Cloud cloud) {
    super(cloud);
  }

  @Override
  java.util.Optional<ClassicLoadBalancer> read(String account, String region, String name) {
    return cloud.classicLoadBalancer(account, region, name);
  }

  @Override
  Ec2Operation upsert(ClassicLoadBalancer model, boolean create) {
    return new Ec2Operation.UpsertClassicLoadBalancer(model, create);
  }

  @Override
  dev.keel.ec2.api.model.Location locationOf(ClassicLoadBalancer model) {
    return model.location();
  }

  @Override
  String nameOf(ClassicLoadBalancer model) {
    return model.name();
  }

  @Override
  public SupportedKind<ClassicLoadBalancerSpec> supportedKind() {
    return Ec2Kinds.CLASSIC_LOAD_BALANCER;
  }

  @Override
  public Map<String, ClassicLoadBalancer> desired(Resource<ClassicLoadBalancerSpec> resource, ResourceContext context) {
    ClassicLoadBalancerSpec s = resource.spec();
    Locations l = s.locations();
    Map<String, ClassicLoadBalancer> out = new TreeMap<>();
    for (RegionSpec region : l.regions()) {
      var o = s.overrides().get(region.name());
      var deps = o != null && o.dependencies() != null ? o.dependencies() : s.dependencies();
      var listeners = o != null && o.listeners() != null ? o.listeners() : s.listeners();
      var health = o != null && o.healthCheck() != null ? o.healthCheck() : s.healthCheck();
      out.put(region.name(), new ClassicLoadBalancer(s.moniker().toName(), LoadBalancerLocations.of(l, region),
          s.internal(), deps.securityGroupNames(), listeners, health, s.idleTimeout()));
    }
    return out;
  }

  @Override
  public ClassicLoadBalancerSpec export(Exportable e) {
    return LoadBalancerExport.classic(e, found(e), ExportRegions.of(cloud, e));
  }
}
