package dev.keel.ec2.handler;

import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.cloud.Ec2Operation;
import dev.keel.ec2.model.ClassicLoadBalancer;
import dev.keel.ec2.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.spec.Ec2Kinds;
import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Locations;
import dev.keel.spi.model.RegionSpec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Handles {@code ec2/classic-load-balancer@v1}: one load balancer per region (overrides replace the base
 * dependencies, listeners or health check); any regional difference upserts the whole load balancer there.
 */
@Extension
public final class ClassicLoadBalancerHandler
    implements ResourceHandler<ClassicLoadBalancerSpec, Map<String, ClassicLoadBalancer>> {

  private final Ec2Cloud cloud;

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
    this.cloud = cloud;
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
  @Nullable
  public Map<String, ClassicLoadBalancer> current(Resource<ClassicLoadBalancerSpec> resource, ResourceContext context) {
    ClassicLoadBalancerSpec s = resource.spec();
    Map<String, ClassicLoadBalancer> out = new TreeMap<>();
    for (String region : s.locations().regionNames()) {
      cloud.classicLoadBalancer(s.locations().account(), region, s.moniker().toName()).ifPresent(lb -> out.put(region, lb));
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public Actuation plan(Resource<ClassicLoadBalancerSpec> resource, ResourceDiff<Map<String, ClassicLoadBalancer>> diff,
      ResourceContext context) {
    List<Ec2Operation> ops = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      ClassicLoadBalancer current = diff.current() == null ? null : diff.current().get(e.getKey());
      if (!e.getValue().equals(current)) {
        ops.add(new Ec2Operation.UpsertClassicLoadBalancer(e.getValue(), current == null));
      }
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public List<Task> execute(Resource<ClassicLoadBalancerSpec> resource, Actuation actuation, ResourceContext context) {
    return Ec2Tasks.submit(cloud, resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<ClassicLoadBalancerSpec> resource, ResourceContext context) {
    return Ec2Tasks.anyRunning(cloud, resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<ClassicLoadBalancerSpec> resource, ResourceContext context) {
    Map<String, ClassicLoadBalancer> current = current(resource, context);
    List<Ec2Operation> ops = new ArrayList<>();
    if (current != null) {
      current.forEach((region, lb) -> ops.add(new Ec2Operation.DeleteLoadBalancer(lb.location().account(), region,
          lb.name())));
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public ClassicLoadBalancerSpec export(Exportable e) {
    Map<String, ClassicLoadBalancer> found = new TreeMap<>();
    for (String region : new java.util.TreeSet<>(e.regions())) {
      cloud.classicLoadBalancer(e.account(), region, e.moniker().toName()).ifPresent(lb -> found.put(region, lb));
    }
    return LoadBalancerExport.classic(e, found);
  }
}
