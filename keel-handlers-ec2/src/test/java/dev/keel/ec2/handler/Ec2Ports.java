package dev.keel.ec2.handler;

import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;

/**
 * The EC2 a handler test's extensions use: the simulated EC2, or (with {@code -Dkeel.test.cloud=spinnaker}, the
 * build's second test run) the Spinnaker adapter over a fake Spinnaker serving it, handed the simulated EC2's base
 * images as a host hands in its base image configuration.
 */
public final class Ec2Ports {

  private Ec2Ports() {}

  /**
   * The ports for a simulated EC2 on a scheduler's clock.
   *
   * @param scheduler the scheduler
   * @param sim the simulated EC2
   * @return the ports; close them after the test
   */
  public static SpinnakerPorts of(VirtualScheduler scheduler, SimulatedEc2 sim) {
    return SpinnakerPorts.of(scheduler.clock(), sim, null);
  }
}
