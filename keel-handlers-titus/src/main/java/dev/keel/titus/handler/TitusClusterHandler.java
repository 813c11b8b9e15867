package dev.keel.titus.handler;

import dev.keel.spi.KeelContext;
import dev.keel.support.cluster.BaseClusterHandler;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.TitusServerGroupState;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.ScalingSpec;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Handles {@code titus/cluster@v1} with the shared cluster algorithm ({@link BaseClusterHandler}): one job per
 * region, the newest enabled one current. What is Titus's own: the desired state of the spec
 * ({@link TitusClusterDesiredState}), what makes an existing job a rollback target, scaling policies deleted by
 * the ids Titus gave them, and export. Scaling policies and tags are read back as written, so they converge and
 * stay in sync.
 */
@Extension
public final class TitusClusterHandler
    extends BaseClusterHandler<TitusClusterSpec, TitusServerGroup, ScalingSpec, TitusServerGroupState> {

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
    super(cloud, TitusClouds.tasks(cloud), TitusKinds.CLUSTER, spec -> TitusClusterDesiredState.resolve(spec, cloud),
        exportable -> TitusClusterExport.export(cloud, exportable));
  }

  /** Whether a job matches desired but for capacity (so re-enabling it is a rollback). */
  @Override
  protected boolean matchesButCapacity(TitusServerGroupState j, TitusServerGroup desired) {
    TitusServerGroup plain = j.model().as("-", null, true).withCapacity(desired.capacity());
    TitusServerGroup wanted = desired.as("-", null, true);
    return new TitusServerGroup(plain.name(), null, plain.location(), plain.container(), plain.capacity(),
        plain.capacityGroup(), plain.constraints(), plain.dependencies(), plain.entryPoint(), plain.env(),
        plain.containerAttributes(), plain.migrationPolicy(), plain.resources(), plain.tags(), plain.scaling(), true,
        wanted.artifactVersion()).equals(wanted);
  }

  /** Titus deletes policies by the ids it gave them. */
  @Override
  protected Set<String> policyIds(TitusServerGroupState job, ScalingSpec policies) {
    return job.idsOf(policies);
  }
}
