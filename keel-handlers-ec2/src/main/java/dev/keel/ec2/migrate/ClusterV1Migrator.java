package dev.keel.ec2.migrate;

import dev.keel.ec2.api.spec.ClusterV1Spec;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.spi.SpecMigrator;
import dev.keel.spi.model.SupportedKind;
import org.pf4j.Extension;

/** {@code ec2/cluster@v1} to {@code @v1.1}: {@code imageProvider.reference} becomes {@code artifactReference}. */
@Extension
public final class ClusterV1Migrator implements SpecMigrator<ClusterV1Spec, Ec2ClusterSpec> {

  /** Creates the migrator. */
  public ClusterV1Migrator() {}

  @Override
  public SupportedKind<ClusterV1Spec> input() {
    return Ec2Kinds.CLUSTER_V1;
  }

  @Override
  public SupportedKind<Ec2ClusterSpec> output() {
    return Ec2Kinds.CLUSTER;
  }

  @Override
  public Ec2ClusterSpec migrate(ClusterV1Spec s) {
    return new Ec2ClusterSpec(s.moniker(), s.imageProvider() == null ? null : s.imageProvider().reference(), null,
        s.deployWith(), s.managedRollout(), s.locations(), s.launchConfiguration(), s.capacity(), s.dependencies(),
        s.health(), s.scaling(), s.tags(), s.overrides());
  }
}
