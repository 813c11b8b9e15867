package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.ApplicationLoadBalancer;
import dev.keel.ec2.api.model.ClassicLoadBalancer;
import dev.keel.ec2.api.model.SecurityGroup;
import dev.keel.ec2.api.spec.ApplicationLoadBalancerSpec;
import dev.keel.ec2.api.spec.ClassicLoadBalancerSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LoadBalancerDependencies;
import dev.keel.ec2.api.spec.PortRange;
import dev.keel.ec2.api.spec.SecurityGroupRule;
import dev.keel.ec2.api.spec.SecurityGroupSpec;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.model.Moniker;
import dev.keel.spi.model.Resource;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import java.util.List;
import java.util.Map;
import java.util.Set;

class ApplicationLoadBalancerContractTest
    extends HandlerContract<ApplicationLoadBalancerSpec, Map<String, ApplicationLoadBalancer>> {
  @Override
  protected HandlerFixture<ApplicationLoadBalancerSpec, Map<String, ApplicationLoadBalancer>> fixture(
      VirtualScheduler scheduler) {
    SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
    return new HandlerFixture<>(new ApplicationLoadBalancerHandler(cloud), List.of(new CloudTaskMonitor(Ec2Clouds.tasks(cloud))),
        List.of(), OtherKinds.application());
  }
}
