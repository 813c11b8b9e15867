package dev.keel.titus.handler;

import dev.keel.support.task.CloudTaskMonitor;
import dev.keel.testkit.HandlerContract;
import dev.keel.testkit.HandlerFixture;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.titus.api.model.TitusServerGroup;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.sim.SimulatedTitus;
import java.util.List;
import java.util.Map;

class TitusClusterHandlerContractTest extends HandlerContract<TitusClusterSpec, Map<String, TitusServerGroup>> {
  @Override
  protected HandlerFixture<TitusClusterSpec, Map<String, TitusServerGroup>> fixture(VirtualScheduler scheduler) {
    SimulatedTitus cloud = SimulatedTitus.withDefaults(scheduler.clock());
    return new HandlerFixture<>(new TitusClusterHandler(cloud), List.of(new CloudTaskMonitor(TitusClouds.tasks(cloud))), List.of(),
        TitusFixtures.resource(TitusFixtures.cluster("us-east-1", "us-west-2")));
  }
}
