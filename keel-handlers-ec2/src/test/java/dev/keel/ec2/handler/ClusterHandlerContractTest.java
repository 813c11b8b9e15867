package dev.keel.ec2.handler;

import dev.keel.ec2.model.ServerGroup;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.ec2.spec.ClusterSpec;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import java.util.List;
import java.util.Map;

class ClusterHandlerContractTest extends HandlerContract<ClusterSpec, Map<String, ServerGroup>> {
  @Override
  protected HandlerFixture<ClusterSpec, Map<String, ServerGroup>> fixture(VirtualScheduler scheduler) {
    SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
    return new HandlerFixture<>(new ClusterHandler(cloud), List.of(new Ec2TaskMonitor(cloud)), List.of(),
        Fixtures.resource(Fixtures.cluster("us-east-1", "us-west-2")));
  }
}
