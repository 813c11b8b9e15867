package dev.keel.ec2.handler;

import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.spi.model.Resource;

/** Test resources of the load balancer kinds, for tests in other packages. */
public final class OtherKindsAccess {

  private OtherKindsAccess() {}

  /**
   * A classic load balancer.
   *
   * @return the resource
   */
  public static Resource<ClassicLoadBalancerSpec> classic() {
    return OtherKinds.classic();
  }

  /**
   * An application load balancer.
   *
   * @return the resource
   */
  public static Resource<ApplicationLoadBalancerSpec> application() {
    return OtherKinds.application();
  }
}
