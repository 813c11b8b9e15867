package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.Ec2ServerGroupState;
import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.model.LaunchConfiguration;
import dev.keel.ec2.api.model.Scaling;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.spi.KeelContext;
import dev.keel.support.cluster.BaseClusterHandler;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.Extension;

/**
 * Handles {@code ec2/cluster@v1.1} with the shared cluster algorithm ({@link BaseClusterHandler}): one server
 * group per region, the newest enabled one current. What is EC2's own: the desired state of the spec
 * ({@link Ec2ClusterDesiredState}), what makes an existing server group a rollback target, and export.
 */
@Extension
public final class Ec2ClusterHandler
    extends BaseClusterHandler<Ec2ClusterSpec, Ec2ServerGroup, Scaling, Ec2ServerGroupState> {

  /**
   * A handler over the context's cloud.
   *
   * @param context the plugin's context
   */
  public Ec2ClusterHandler(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A handler over a cloud.
   *
   * @param cloud the cloud
   */
  public Ec2ClusterHandler(Ec2Cloud cloud) {
    super(cloud, Ec2Clouds.tasks(cloud), Ec2Kinds.CLUSTER, spec -> Ec2ClusterDesiredState.resolve(spec, cloud),
        exportable -> Ec2ClusterExport.export(cloud, exportable));
  }

  /** Whether a server group matches desired but for capacity and a disabled group's suspended processes. */
  @Override
  protected boolean matchesButCapacity(Ec2ServerGroupState g, Ec2ServerGroup desired) {
    Ec2ServerGroup m = g.model();
    if (!g.enabled()) {
      Set<String> processes = new TreeSet<>(m.suspendedProcesses());
      processes.removeAll(Ec2ServerGroup.DISABLED_PROCESSES);
      m = m.withSuspendedProcesses(processes);
    }
    return normalise(m, desired).equals(normalise(desired, desired));
  }

  private static Ec2ServerGroup normalise(Ec2ServerGroup m, Ec2ServerGroup desired) {
    LaunchConfiguration lc = m.launchConfiguration();
    LaunchConfiguration plain = new LaunchConfiguration(lc.imageId(), null, null, lc.instanceType(), lc.ebsOptimized(),
        "-", lc.keyPair(), lc.instanceMonitoring(), lc.ramdiskId(), lc.requireIMDSv2());
    return m.as("-", true).withCapacity(desired.capacity()).withLaunchConfiguration(plain, null);
  }
}
