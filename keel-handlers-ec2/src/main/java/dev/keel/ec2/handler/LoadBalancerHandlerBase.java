package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2Operation;
import dev.keel.ec2.api.model.Location;
import dev.keel.spi.Exportable;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Locatable;
import dev.keel.spi.model.Monikered;
import dev.keel.spi.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * What the classic and application load balancer handlers share: current state read per region, and any
 * difference in a region upserting that region's load balancer whole (load balancers have no cheaper
 * partial update), execution through the port, and deletion.
 *
 * @param <S> the spec type
 * @param <M> the per-region model type
 */
abstract class LoadBalancerHandlerBase<S extends Monikered & Locatable, M> implements ResourceHandler<S, Map<String, M>> {

  protected final Ec2Cloud cloud;

  LoadBalancerHandlerBase(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  /** The load balancer of this kind, if it exists. */
  abstract Optional<M> read(String account, String region, String name);

  /** The operation that creates or replaces a region's load balancer. */
  abstract Ec2Operation upsert(M model, boolean create);

  /** Where a model lives. */
  abstract Location locationOf(M model);

  /** A model's name. */
  abstract String nameOf(M model);

  @Override
  @Nullable
  public Map<String, M> current(Resource<S> resource, ResourceContext context) {
    S s = resource.spec();
    Map<String, M> out = new TreeMap<>();
    for (String region : s.locations().regionNames()) {
      read(s.locations().account(), region, s.moniker().toName()).ifPresent(lb -> out.put(region, lb));
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public Actuation plan(Resource<S> resource, ResourceDiff<Map<String, M>> diff, ResourceContext context) {
    List<Ec2Operation> ops = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      M current = diff.current() == null ? null : diff.current().get(e.getKey());
      if (!e.getValue().equals(current)) {
        ops.add(upsert(e.getValue(), current == null));
      }
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public List<Task> execute(Resource<S> resource, Actuation actuation, ResourceContext context) {
    return Ec2Clouds.tasks(cloud).submit(resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<S> resource, ResourceContext context) {
    return Ec2Clouds.tasks(cloud).anyRunning(resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<S> resource, ResourceContext context) {
    Map<String, M> current = current(resource, context);
    List<Ec2Operation> ops = new ArrayList<>();
    if (current != null) {
      current.forEach((region, lb) -> ops.add(new Ec2Operation.DeleteLoadBalancer(locationOf(lb).account(), region,
          nameOf(lb))));
    }
    return new Actuation(List.copyOf(ops));
  }

  /** The load balancers an export finds, by region, in the regions it names or else every region of its account. */
  Map<String, M> found(Exportable e) {
    Map<String, M> found = new TreeMap<>();
    for (String region : ExportRegions.of(cloud, e)) {
      read(e.account(), region, e.moniker().toName()).ifPresent(lb -> found.put(region, lb));
    }
    return found;
  }
}
