package dev.keel.titus.handler;

import dev.keel.spi.Exportable;
import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.ActionDecision;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
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
import dev.keel.titus.cloud.JobState;
import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.cloud.TitusOperation;
import dev.keel.titus.model.TitusServerGroup;
import dev.keel.titus.spec.ScalingSpec;
import dev.keel.titus.spec.TitusClusterSpec;
import dev.keel.titus.spec.TitusKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Handles {@code titus/cluster@v1}: desired and current are one job per region (current = the newest enabled
 * job), and each region that differs gets the decision of the shared cluster decision table
 * ({@link ClusterDecisions}) turned into Titus operations, one task per region. Only regions that differ are
 * touched; deploys follow the declared strategy and stagger. Scaling policies and tags are read back as
 * written, so they converge and stay in sync.
 */
@Extension
public final class TitusClusterHandler implements ResourceHandler<TitusClusterSpec, Map<String, TitusServerGroup>> {

  private final TitusCloud cloud;

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public TitusClusterHandler(KeelContext context) {
    this(TitusClouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public TitusClusterHandler(TitusCloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public SupportedKind<TitusClusterSpec> supportedKind() {
    return TitusKinds.CLUSTER;
  }

  @Override
  public Map<String, TitusServerGroup> desired(Resource<TitusClusterSpec> resource, ResourceContext context) {
    return TitusDesiredState.resolve(resource.spec());
  }

  @Override
  @Nullable
  public Map<String, TitusServerGroup> current(Resource<TitusClusterSpec> resource, ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    boolean tolerant = spec.deployWith().toStrategy().toleratesSeveralEnabled();
    Map<String, TitusServerGroup> out = new TreeMap<>();
    for (String region : spec.locations().regionNames()) {
      List<JobState> enabled = jobs(spec, region).stream().filter(JobState::enabled).toList();
      if (enabled.isEmpty()) {
        continue;
      }
      JobState active = enabled.get(enabled.size() - 1);
      out.put(region, active.model().as(active.name(), active.jobId(), tolerant || enabled.size() == 1));
    }
    return out.isEmpty() ? null : out;
  }

  private List<JobState> jobs(TitusClusterSpec spec, String region) {
    return cloud.serverGroups(spec.locations().account(), region, spec.moniker().toName());
  }

  @Override
  public ActionDecision willTakeAction(Resource<TitusClusterSpec> resource,
      ResourceDiff<Map<String, TitusServerGroup>> diff) {
    return ClusterDecisions.blocking(decisions(resource, diff)).map(w -> ActionDecision.decline(w.reason()))
        .orElse(ActionDecision.act());
  }

  /**
   * The decision for each desired region.
   *
   * @param resource the resource
   * @param diff the diff
   * @return the decisions
   */
  public List<RegionDecision> decisions(Resource<TitusClusterSpec> resource,
      ResourceDiff<Map<String, TitusServerGroup>> diff) {
    TitusClusterSpec spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    Map<String, ResourceDiff<?>> byRegion = diff.byTopLevelKey();
    List<RegionDecision> out = new ArrayList<>();
    for (var e : diff.desired().entrySet()) {
      String region = e.getKey();
      TitusServerGroup desired = e.getValue();
      TitusServerGroup current = diff.current() == null ? null : diff.current().get(region);
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
      for (JobState j : jobs(spec, region)) {
        facts.add(new ServerGroupFacts(j.name(), j.createdAt(), j.enabled(), j.model().artifactVersion(),
            j.instances().isHealthy(j.model().capacity(), strategy.health()), matches(j, desired)));
      }
      out.add(ClusterDecisions.decide(new RegionFacts(region, changed, facts, desired.artifactVersion()),
          ClusterProperties.STANDARD));
    }
    return out;
  }

  /** Whether a job matches desired but for capacity (so re-enabling it is a rollback). */
  static boolean matches(JobState j, TitusServerGroup desired) {
    TitusServerGroup plain = j.model().as("-", null, true).withCapacity(desired.capacity());
    TitusServerGroup wanted = desired.as("-", null, true);
    return new TitusServerGroup(plain.name(), null, plain.location(), plain.container(), plain.capacity(),
        plain.capacityGroup(), plain.constraints(), plain.dependencies(), plain.entryPoint(), plain.env(),
        plain.containerAttributes(), plain.migrationPolicy(), plain.resources(), plain.tags(), plain.scaling(), true,
        wanted.artifactVersion()).equals(wanted);
  }

  @Override
  public Actuation plan(Resource<TitusClusterSpec> resource, ResourceDiff<Map<String, TitusServerGroup>> diff,
      ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    DeployStrategy strategy = spec.deployWith().toStrategy();
    String account = spec.locations().account();
    List<TitusOperation> ops = new ArrayList<>();
    Map<String, String> deploys = new LinkedHashMap<>();
    for (RegionDecision d : decisions(resource, diff)) {
      String region = d.region();
      TitusServerGroup desired = diff.desired().get(region);
      TitusServerGroup current = diff.current() == null ? null : diff.current().get(region);
      if (d instanceof RegionDecision.Resize r) {
        ops.add(new TitusOperation.ResizeServerGroup(account, region, r.serverGroup(), desired.capacity()));
      } else if (d instanceof RegionDecision.ModifyScaling m) {
        scaling(ops, job(spec, region, m.serverGroup()), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.ResizeThenModifyScaling m) {
        ops.add(new TitusOperation.ResizeServerGroup(account, region, m.serverGroup(), desired.capacity()));
        scaling(ops, job(spec, region, m.serverGroup()), current.scaling(), desired.scaling());
      } else if (d instanceof RegionDecision.Disable x) {
        ops.add(new TitusOperation.DisableServerGroup(account, region, x.serverGroup()));
      } else if (d instanceof RegionDecision.Rollback rb) {
        ops.add(new TitusOperation.RollbackServerGroup(account, region, rb.restore(), rb.disable(),
            desired.capacity()));
      } else if (d instanceof RegionDecision.Deploy dep) {
        deploys.put(region, dep.source() == null ? "" : dep.source());
      }
    }
    for (DeployWave wave : StaggerPlan.waves(new LinkedHashSet<>(deploys.keySet()), strategy)) {
      String source = deploys.get(wave.region());
      ops.add(new TitusOperation.CreateServerGroup(diff.desired().get(wave.region()), strategy,
          source.isEmpty() ? null : source, wave));
    }
    return new Actuation(List.copyOf(ops));
  }

  private JobState job(TitusClusterSpec spec, String region, String name) {
    return jobs(spec, region).stream().filter(j -> j.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("Job " + name + " of " + spec.id() + " in " + region
            + " disappeared while planning; the next check plans again"));
  }

  /** Policies are immutable: delete (by Titus's ids) those not desired, then add the missing ones. */
  private static void scaling(List<TitusOperation> ops, JobState job, ScalingSpec current, ScalingSpec desired) {
    String account = job.model().location().account();
    String region = job.model().location().region();
    ScalingSpec delete = current.minus(desired);
    ScalingSpec add = desired.minus(current);
    if (delete.hasPolicies()) {
      ops.add(new TitusOperation.DeleteScalingPolicies(account, region, job.name(), job.idsOf(delete), delete));
    }
    if (add.hasPolicies()) {
      ops.add(new TitusOperation.UpsertScalingPolicies(account, region, job.name(), add));
    }
  }

  @Override
  public List<Task> execute(Resource<TitusClusterSpec> resource, Actuation actuation, ResourceContext context) {
    return TitusTasks.submit(cloud, resource, actuation);
  }

  @Override
  public boolean actuationInProgress(Resource<TitusClusterSpec> resource, ResourceContext context) {
    return TitusTasks.anyRunning(cloud, resource, resource.spec().locations().regionNames());
  }

  @Override
  public Actuation planDelete(Resource<TitusClusterSpec> resource, ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    List<TitusOperation> ops = new ArrayList<>();
    for (String region : spec.locations().regionNames()) {
      for (JobState j : jobs(spec, region)) {
        ops.add(new TitusOperation.DestroyServerGroup(spec.locations().account(), region, j.name()));
      }
    }
    return new Actuation(List.copyOf(ops));
  }

  @Override
  public TitusClusterSpec export(Exportable exportable) {
    return TitusClusterExport.export(cloud, exportable);
  }
}
