package dev.keel.ec2.handler;

import dev.keel.ec2.api.model.Ec2ServerGroup;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class Ec2ClusterHandlerContractTest extends HandlerContract<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> {

  /** The simulated EC2 itself, or its Spinnaker adapter over a fake Spinnaker (-Dkeel.test.cloud=spinnaker). */
  private SpinnakerPorts ports;

  @AfterEach
  void closePorts() {
    ports.close();
  }

  @Override
  protected HandlerFixture<Ec2ClusterSpec, Map<String, Ec2ServerGroup>> fixture(VirtualScheduler scheduler) {
    SimulatedEc2 sim = SimulatedEc2.withDefaults(scheduler.clock());
    ports = Ec2Ports.of(scheduler, sim);
    Ec2Cloud cloud = ports.ec2(sim);
    return new HandlerFixture<>(new Ec2ClusterHandler(cloud), List.of(new CloudTaskMonitor(Ec2Clouds.tasks(cloud))), List.of(),
        Fixtures.resource(Fixtures.cluster("us-east-1", "us-west-2")));
  }
}
