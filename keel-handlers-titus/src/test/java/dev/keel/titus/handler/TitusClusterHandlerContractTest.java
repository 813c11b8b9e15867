package dev.keel.titus.handler;

import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.sim.SimulatedTitus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

class TitusClusterHandlerContractTest extends HandlerContract<TitusClusterSpec, Map<String, TitusServerGroup>> {

  /** The simulated Titus itself, or its Spinnaker adapter over a fake Spinnaker (-Dkeel.test.cloud=spinnaker). */
  private SpinnakerPorts ports;

  @AfterEach
  void closePorts() {
    ports.close();
  }

  @Override
  protected HandlerFixture<TitusClusterSpec, Map<String, TitusServerGroup>> fixture(VirtualScheduler scheduler) {
    SimulatedTitus sim = SimulatedTitus.withDefaults(scheduler.clock());
    ports = SpinnakerPorts.of(scheduler.clock(), null, sim);
    TitusCloud cloud = ports.titus(sim);
    return new HandlerFixture<>(new TitusClusterHandler(cloud), List.of(new CloudTaskMonitor(TitusClouds.tasks(cloud))), List.of(),
        TitusFixtures.resource(TitusFixtures.cluster("us-east-1", "us-west-2")));
  }
}
