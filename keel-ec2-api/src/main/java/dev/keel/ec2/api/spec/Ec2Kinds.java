package dev.keel.ec2.api.spec;

import dev.keel.spi.model.ResourceKind;
import dev.keel.spi.model.SupportedKind;

/** The EC2 kinds this plugin supports and the spec classes they bind to. */
public final class Ec2Kinds {

  private Ec2Kinds() {}

  /** The cloud provider name. */
  public static final String CLOUD_PROVIDER = "aws";

  /** {@code ec2/cluster@v1.1}. */
  public static final SupportedKind<Ec2ClusterSpec> CLUSTER = SupportedKind.of("ec2/cluster@v1.1", Ec2ClusterSpec.class);

  /** {@code ec2/cluster@v1}, migrated to v1.1. */
  public static final SupportedKind<ClusterV1Spec> CLUSTER_V1 = SupportedKind.of("ec2/cluster@v1", ClusterV1Spec.class);

  /** {@code ec2/security-group@v1}. */
  public static final SupportedKind<SecurityGroupSpec> SECURITY_GROUP =
      SupportedKind.of("ec2/security-group@v1", SecurityGroupSpec.class);

  /** {@code ec2/classic-load-balancer@v1}. */
  public static final SupportedKind<ClassicLoadBalancerSpec> CLASSIC_LOAD_BALANCER =
      SupportedKind.of("ec2/classic-load-balancer@v1", ClassicLoadBalancerSpec.class);

  /** {@code ec2/application-load-balancer@v1.2}. */
  public static final SupportedKind<ApplicationLoadBalancerSpec> APPLICATION_LOAD_BALANCER =
      SupportedKind.of("ec2/application-load-balancer@v1.2", ApplicationLoadBalancerSpec.class);

  /** {@code ec2/application-load-balancer@v1.1}, migrated to v1.2. */
  public static final SupportedKind<ApplicationLoadBalancerV1_1Spec> APPLICATION_LOAD_BALANCER_V1_1 =
      SupportedKind.of("ec2/application-load-balancer@v1.1", ApplicationLoadBalancerV1_1Spec.class);

  /** {@code ec2/application-load-balancer@v1}, migrated to v1.1. */
  public static final SupportedKind<ApplicationLoadBalancerV1Spec> APPLICATION_LOAD_BALANCER_V1 =
      SupportedKind.of("ec2/application-load-balancer@v1", ApplicationLoadBalancerV1Spec.class);

  /**
   * Whether a kind is one of this plugin's current kinds.
   *
   * @param kind a kind
   * @param supported one of the constants
   * @return true if they are the same kind and version
   */
  public static boolean is(ResourceKind kind, SupportedKind<?> supported) {
    return supported.kind().equals(kind);
  }
}
