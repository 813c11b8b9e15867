package dev.keel.support.cluster;

import dev.keel.cloud.api.CloudOperation;
import dev.keel.cloud.api.ClusterCloud;
import dev.keel.cloud.api.ClusterServerGroup;
import dev.keel.cloud.api.ScalingPolicies;
import dev.keel.cloud.api.ServerGroupOperation;
import dev.keel.cloud.api.ServerGroupState;
import dev.keel.cloud.api.deploy.DeployStrategy;
import dev.keel.cloud.api.deploy.DeployWave;
import dev.keel.cloud.api.spec.ClusterSpec;
import dev.keel.spi.Exportable;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.ActionDecision;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import dev.keel.support.deploy.StaggerPlan;
import dev.keel.support.task.CloudTasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * The cluster algorithm every cloud shares, written once: desired and current are one server group per
 * region (current is the newest enabled group), and each region that differs gets the decision of the cluster
 * decision table ({@link ClusterDecisions}) turned into {@link ServerGroupOperation}s, one task per region.
 * Only regions that differ are touched; deploys follow the declared strategy and stagger.
 *
 * <p>{@link #willTakeAction} and {@link #plan} read (never change) every server group of the regions that
 * differ, because the decision table needs the disabled and extra enabled groups that the compared model (the
 * active group) leaves out: rollback targets, the group to disable, the newest group's health.
 *
 * <p>A cloud plugin's cluster handler extends it with what is its own: the kind, the desired state of a spec and
 * export, given to the constructor, and the small adapter of {@link #matchesButCapacity} (and, where the cloud
 * deletes scaling policies by id, {@link #policyIds}).
 *
 * @param <S> the cluster spec
 * @param <G> the cloud's server group model
 * @param <P> its scaling policies
 * @param <X> what the cloud reports of one server group
 */
public abstract class BaseClusterHandler<S extends ClusterSpec, G extends ClusterServerGroup<G, P>,
    P extends ScalingPolicies<P>, X extends ServerGroupState<G>> implements ResourceHandler<S, Map<String, G>> {

  /** One region's decision and the server groups it was made from. */
  private record Region<X>(RegionDecision decision, List<X> serverGroups) {}

  private final ClusterCloud<G, X> cloud;
  private final CloudTasks tasks;
  private final SupportedKind<S> kind;
  private final Function<S, Map<String, G>> desired;
  private final Function<Exportable, S> exporter;

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   * @param tasks how the cloud's tasks are launched and named
   * @param kind the kind it handles
   * @param desired the desired state of a resolved spec: one server group per region
   * @param exporter describes an existing cluster of the cloud as a spec
   */
  protected BaseClusterHandler(ClusterCloud<G, X> cloud, CloudTasks tasks, SupportedKind<S> kind,
      Function<S, Map<String, G>> desired, Function<Exportable, S> exporter) {
    this.cloud = cloud;
    this.tasks = tasks;
    this.kind = kind;
    this.desired = desired;
    this.exporter = exporter;
  }

  @Override
  public SupportedKind<S> supportedKind() {
    return kind;
  }

  @Override
  public Map<String, G> desired(Resource<S> resource, ResourceContext context) {
    return desired.apply(resource.spec());
  }

  @Override
  public S export(Exportable exportable) {
    return exporter.apply(exportable);
  }

  /**
   * Whether an existing server group already matches desired except for its capacity (and for what a
   * disabled group has by being disabled), so that re-enabling it is a rollback.
   *
   * @param group an existing server group
   * @param desired the desired model of its region
   * @return true if it matches
   */
  protected abstract boolean matchesButCapacity(X group, G desired);

  /**
   * The ids the cloud gave some of a server group's scaling policies, where the cloud deletes them by id.
   *
   * @param group the server group
   * @param policies the policies to delete
   * @return their ids; empty by default, for a cloud that deletes policies by content
   */
  protected Set<String> policyIds(X group, P policies) {
    return Set.of();
  }

  /**
   * Every server group of a cluster in a region, as the cloud reports it.
   *
   * @param spec the cluster
   * @param region the region
   * @return the server groups, oldest first
   */
  protected final List<X> serverGroups(S spec, String region) {
    return cloud.serverGroups(spec.locations().account(), region, spec.moniker().toName());
  }

  @Override
  @Nullable
  public Map<String, G> current(Resource<S> resource, ResourceContext context) {
    S spec = resource.spec();
    boolean tolerant = spec.deployWith().toStrategy().toleratesSeveralEnabled();
    Map<String, G> out = new TreeMap<>();
    for (String region : spec.locations().regionNames()) {
      List<X> enabled = serverGroups(spec, region).stream().filter(ServerGroupState::enabled).toList();
      if (!enabled.isEmpty()) {
        out.put(region, enabled.get(enabled.size() - 1).asActive(tolerant || enabled.size() == 1));
      }
    }
    return out.isEmpty() ? null : out;
  }

  @Override
  public ActionDecision willTakeAction(Resource<S> resource, ResourceDiff<Map<String, G>> diff) {
    return ClusterDecisions.blocking(decisions(resource, diff)).map(w -> ActionDecision.decline(w.reason()))
        .orElse(ActionDecision.act());
  }

  /**
   * The decision for each desired region.
   *
   * @param resource the resource
   * @param diff the diff
   * @return the decisions, in region order
   */
  public List<RegionDecision> decisions(Resource<S> resource, ResourceDiff<Map<String, G>> diff) {
    return regions(resource, diff).stream().map(Region::decision).toList();
  }

  private List<Region<X>> regions(Resource<S> resource, ResourceDiff<Map<String, G>> diff) {
    S spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    Map<String, ResourceDiff<?>> byRegion = diff.byTopLevelKey();
    List<Region<X>> out = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      String region = e.getKey();
      G desired = e.getValue();
      G current = diff.current() == null ? null : diff.current().get(region);
      Set<String> changed;
      if (current == null) {
        changed = Set.of("serverGroup");
      } else {
        ResourceDiff<?> regional = byRegion.get(region);
        changed = regional == null ? Set.of() : ClusterProperties.STANDARD.changed(regional);
      }
      if (changed.isEmpty()) {
        out.add(new Region<>(new RegionDecision.NoChange(region), List.of()));
        continue;
      }
      List<X> groups = serverGroups(spec, region);
      List<ServerGroupFacts> facts = new ArrayList<>();
      for (X g : groups) {
        facts.add(new ServerGroupFacts(g.name(), g.createdAt(), g.enabled(), g.model().artifactVersion(),
            g.instances().isHealthy(g.model().capacity(), strategy.health()), matchesButCapacity(g, desired)));
      }
      RegionFacts regionFacts = new RegionFacts(region, changed, facts, desired.artifactVersion());
      out.add(new Region<>(ClusterDecisions.decide(regionFacts, ClusterProperties.STANDARD), groups));
    }
    return out;
  }

  @Override
  public Actuation plan(Resource<S> resource, ResourceDiff<Map<String, G>> diff, ResourceContext context) {
    S spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    String account = spec.locations().account();
    List<CloudOperation> ops = new ArrayList<>();
    Map<String, String> deploys = new LinkedHashMap<>();
    for (Region<X> r : regions(resource, diff)) {
      RegionDecision d = r.decision();
      String region = d.region();
      G desired = diff.desired().get(region);
      G current = diff.current() == null ? null : diff.current().get(region);
      if (d instanceof RegionDecision.Resize x) {
        ops.add(new ServerGroupOperation.ResizeServerGroup(account, region, x.serverGroup(), desired.capacity()));
      } else if (d instanceof RegionDecision.ModifyScaling m) {
        scaling(ops, spec, r, m.serverGroup(), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.ResizeThenModifyScaling m) {
        ops.add(new ServerGroupOperation.ResizeServerGroup(account, region, m.serverGroup(), desired.capacity()));
        scaling(ops, spec, r, m.serverGroup(), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.Disable x) {
        ops.add(new ServerGroupOperation.DisableServerGroup(account, region, x.serverGroup()));
      } else if (d instanceof RegionDecision.Rollback rb) {
        ops.add(new ServerGroupOperation.RollbackServerGroup(account, region, rb.restore(), rb.disable(),
            desired.capacity()));
      } else if (d instanceof RegionDecision.Deploy dep) {
        deploys.put(region, dep.source() == null ? "" : dep.source());
      }
    }
    for (DeployWave wave : StaggerPlan.waves(new LinkedHashSet<>(deploys.keySet()), strategy)) {
      String source = deploys.get(wave.region());
      ops.add(new ServerGroupOperation.CreateServerGroup<>(diff.desired().get(wave.region()), strategy,
          source.isEmpty() ? null : source, wave));
    }
    return new Actuation(List.copyOf(ops));
  }

  /** Policies are immutable: delete those not desired, then add the missing ones. */
  private void scaling(List<CloudOperation> ops, S spec, Region<X> region, String serverGroup, P current, P desired) {
    String account = spec.locations().account();
    String name = region.decision().region();
    P delete = current.minus(desired);
    P add = desired.minus(current);
    if (delete.hasPolicies()) {
      X group = region.serverGroups().stream().filter(g -> g.name().equals(serverGroup)).findFirst()
          .orElseThrow(() -> new IllegalStateException("Server group " + serverGroup + " of " + spec.id() + " in "
              + name + " disappeared while planning; the next check plans again"));
      ops.add(new ServerGroupOperation.DeleteScalingPolicies<>(account, name, serverGroup, policyIds(group, delete),
          delete));
    }
    if (add.hasPolicies()) {
      ops.add(new ServerGroupOperation.UpsertScalingPolicies<>(account, name, serverGroup, add));
    }
  }

  @Override
  public List<Task> execute(Resource<S> resource, Actuation actuation, ResourceContext context) {
    return tasks.submit(resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<S> resource, ResourceContext context) {
    return tasks.anyRunning(resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<S> resource, ResourceContext context) {
    S spec = resource.spec();
    List<CloudOperation> ops = new ArrayList<>();
    for (String region : spec.locations().regionNames()) {
      for (X g : serverGroups(spec, region)) {
        ops.add(new ServerGroupOperation.DestroyServerGroup(spec.locations().account(), region, g.name()));
      }
    }
    return new Actuation(List.copyOf(ops));
  }
}
