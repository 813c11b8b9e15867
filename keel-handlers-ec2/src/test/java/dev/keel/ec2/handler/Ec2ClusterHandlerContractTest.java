package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import java.util.List;
import java.util.Map;

class Ec2ClusterHandlerContractTest extends HandlerContract<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> {
  @Override
  protected HandlerFixture<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> fixture(VirtualScheduler scheduler) {
    SimulatedEc2 cloud = SimulatedEc2.withDefaults(scheduler.clock());
    return new HandlerFixture<>(new Ec2ClusterHandler(cloud), List.of(new CloudTaskMonitor(Ec2Clouds.tasks(cloud))), List.of(),
        Fixtures.resource(Fixtures.cluster("us-east-1", "us-west-2")));
  }
}
