package dev.keel.ec2.handler;

import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.cloud.Ec2Operation;
import dev.keel.ec2.cloud.ServerGroupState;
import dev.keel.ec2.model.LaunchConfiguration;
import dev.keel.ec2.model.Scaling;
import dev.keel.ec2.model.ServerGroup;
import dev.keel.ec2.spec.ClusterSpec;
import dev.keel.ec2.spec.Ec2Kinds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.ActionDecision;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.Exportable;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import dev.keel.support.cluster.ClusterDecisions;
import dev.keel.support.cluster.ClusterProperties;
import dev.keel.support.cluster.RegionDecision;
import dev.keel.support.cluster.RegionFacts;
import dev.keel.support.cluster.ServerGroupFacts;
import dev.keel.support.deploy.DeployStrategy;
import dev.keel.support.deploy.DeployWave;
import dev.keel.support.deploy.StaggerPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Handles {@code ec2/cluster@v1.1}: desired and current are one server group per region (current = the
 * newest enabled group), and each region that differs gets the decision of the shared cluster decision table
 * ({@link ClusterDecisions}) turned into EC2 operations, one task per region. Only regions that differ are
 * touched; deploys follow the declared strategy and stagger.
 *
 * <p>{@link #willTakeAction} and {@link #plan} read (never change) every server group of the regions that
 * differ, because the decision table needs the disabled and extra enabled groups that the compared model
 * (the active group) leaves out: rollback targets, the group to disable, the newest group's health.
 */
@Extension
public final class ClusterHandler implements ResourceHandler<ClusterSpec, Map<String, ServerGroup>> {

  private final Ec2Cloud cloud;

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public ClusterHandler(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public ClusterHandler(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public SupportedKind<ClusterSpec> supportedKind() {
    return Ec2Kinds.CLUSTER;
  }

  @Override
  public Map<String, ServerGroup> desired(Resource<ClusterSpec> resource, ResourceContext context) {
    return ClusterDesiredState.resolve(resource.spec());
  }

  @Override
  @Nullable
  public Map<String, ServerGroup> current(Resource<ClusterSpec> resource, ResourceContext context) {
    ClusterSpec spec = resource.spec();
    boolean tolerant = spec.deployWith().toStrategy().toleratesSeveralEnabled();
    Map<String, ServerGroup> out = new TreeMap<>();
    for (String region : spec.locations().regionNames()) {
      List<ServerGroupState> enabled = groups(spec, region).stream().filter(ServerGroupState::enabled).toList();
      if (enabled.isEmpty()) {
        continue;
      }
      ServerGroupState active = enabled.get(enabled.size() - 1);
      out.put(region, active.model().as(active.name(), tolerant || enabled.size() == 1));
    }
    return out.isEmpty() ? null : out;
  }

  private List<ServerGroupState> groups(ClusterSpec spec, String region) {
    return cloud.serverGroups(spec.locations().account(), region, spec.moniker().toName());
  }

  @Override
  public ActionDecision willTakeAction(Resource<ClusterSpec> resource, ResourceDiff<Map<String, ServerGroup>> diff) {
    return ClusterDecisions.blocking(decisions(resource, diff))
        .map(w -> ActionDecision.decline(w.reason()))
        .orElse(ActionDecision.act());
  }

  /**
   * The decision for each desired region.
   *
   * @param resource the resource
   * @param diff the diff
   * @return the decisions, by region
   */
  public List<RegionDecision> decisions(Resource<ClusterSpec> resource, ResourceDiff<Map<String, ServerGroup>> diff) {
    ClusterSpec spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    Map<String, ResourceDiff<?>> byRegion = diff.byTopLevelKey();
    List<RegionDecision> out = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      String region = e.getKey();
      ServerGroup desired = e.getValue();
      ServerGroup current = diff.current() == null ? null : diff.current().get(region);
      Set<String> changed;
      if (current == null) {
        changed = Set.of("serverGroup");
      } else {
        ResourceDiff<?> regional = byRegion.get(region);
        changed = regional == null ? Set.of() : ClusterProperties.STANDARD.changed(regional);
      }
      if (changed.isEmpty()) {
        out.add(new RegionDecision.NoChange(region));
        continue;
      }
      List<ServerGroupFacts> facts = new ArrayList<>();
      for (ServerGroupState g : groups(spec, region)) {
        facts.add(new ServerGroupFacts(g.name(), g.createdAt(), g.enabled(), g.model().artifactVersion(),
            g.instances().isHealthy(g.model().capacity(), strategy.health()), matches(g, desired)));
      }
      out.add(ClusterDecisions.decide(new RegionFacts(region, changed, facts, desired.artifactVersion()),
          ClusterProperties.STANDARD));
    }
    return out;
  }

  /** Whether a server group matches desired but for capacity and a disabled group's suspended processes. */
  static boolean matches(ServerGroupState g, ServerGroup desired) {
    ServerGroup m = g.model();
    if (!g.enabled()) {
      Set<String> processes = new TreeSet<>(m.suspendedProcesses());
      processes.removeAll(ServerGroup.DISABLED_PROCESSES);
      m = m.withSuspendedProcesses(processes);
    }
    return normalise(m, desired).equals(normalise(desired, desired));
  }

  private static ServerGroup normalise(ServerGroup m, ServerGroup desired) {
    LaunchConfiguration lc = m.launchConfiguration();
    LaunchConfiguration plain = new LaunchConfiguration(lc.imageId(), null, null, lc.instanceType(), lc.ebsOptimized(),
        "-", lc.keyPair(), lc.instanceMonitoring(), lc.ramdiskId(), lc.requireIMDSv2());
    return m.as("-", true).withCapacity(desired.capacity()).withLaunchConfiguration(plain, null);
  }

  @Override
  public Actuation plan(Resource<ClusterSpec> resource, ResourceDiff<Map<String, ServerGroup>> diff,
      ResourceContext context) {
    ClusterSpec spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    String account = spec.locations().account();
    List<Ec2Operation> ops = new ArrayList<>();
    Map<String, String> deploys = new LinkedHashMap<>();
    for (RegionDecision d : decisions(resource, diff)) {
      String region = d.region();
      ServerGroup desired = diff.desired().get(region);
      ServerGroup current = diff.current() == null ? null : diff.current().get(region);
      if (d instanceof RegionDecision.Resize r) {
        ops.add(new Ec2Operation.ResizeServerGroup(account, region, r.serverGroup(), desired.capacity()));
      } else if (d instanceof RegionDecision.ModifyScaling m) {
        scaling(ops, account, region, m.serverGroup(), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.ResizeThenModifyScaling m) {
        ops.add(new Ec2Operation.ResizeServerGroup(account, region, m.serverGroup(), desired.capacity()));
        scaling(ops, account, region, m.serverGroup(), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.Disable x) {
        ops.add(new Ec2Operation.DisableServerGroup(account, region, x.serverGroup()));
      } else if (d instanceof RegionDecision.Rollback rb) {
        ops.add(new Ec2Operation.RollbackServerGroup(account, region, rb.restore(), rb.disable(), desired.capacity()));
      } else if (d instanceof RegionDecision.Deploy dep) {
        deploys.put(region, dep.source() == null ? "" : dep.source());
      }
    }
    for (DeployWave wave : StaggerPlan.waves(new LinkedHashSet<>(deploys.keySet()), strategy)) {
      String source = deploys.get(wave.region());
      ops.add(new Ec2Operation.CreateServerGroup(diff.desired().get(wave.region()), strategy,
          source.isEmpty() ? null : source, wave));
    }
    return new Actuation(List.copyOf(ops));
  }

  private static void scaling(List<Ec2Operation> ops, String account, String region, String group, Scaling current,
      Scaling desired) {
    Scaling delete = current.minus(desired);
    Scaling add = desired.minus(current);
    if (delete.hasPolicies()) {
      ops.add(new Ec2Operation.DeleteScalingPolicies(account, region, group, delete));
    }
    if (add.hasPolicies()) {
      ops.add(new Ec2Operation.UpsertScalingPolicies(account, region, group, add));
    }
  }

  @Override
  public List<Task> execute(Resource<ClusterSpec> resource, Actuation actuation, ResourceContext context) {
    return Ec2Tasks.submit(cloud, resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<ClusterSpec> resource, ResourceContext context) {
    return Ec2Tasks.anyRunning(cloud, resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<ClusterSpec> resource, ResourceContext context) {
    ClusterSpec spec = resource.spec();
    List<Ec2Operation> ops = new ArrayList<>();
    for (String region : spec.locations().regionNames()) {
      for (ServerGroupState g : groups(spec, region)) {
        ops.add(new Ec2Operation.DestroyServerGroup(spec.locations().account(), region, g.name()));
      }
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public ClusterSpec export(Exportable exportable) {
    return ClusterExport.export(cloud, exportable);
  }
}
