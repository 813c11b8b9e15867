package dev.keel.ec2.handler;

import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.testkit.VirtualScheduler;
import dev.keel.testkit.spinnaker.SpinnakerPorts;
import java.util.List;

/**
 * The EC2 a handler test's extensions use: the simulated EC2, or (with {@code -Dkeel.test.cloud=spinnaker}, the
 * build's second test run) the Spinnaker adapter over a fake Spinnaker serving it, configured with the simulated
 * EC2's base images as an operator would configure Keel's.
 */
public final class Ec2Ports {

  /** The operating systems and labels the simulated EC2 has base images of. */
  private static final List<String> OSES = List.of("xenial", "bionic", "bionic-classic", "focal", "jammy");
  private static final List<String> LABELS = List.of("release", "candidate", "previous", "unstable");

  private Ec2Ports() {}

  /**
   * The ports for a simulated EC2 on a scheduler's clock.
   *
   * @param scheduler the scheduler
   * @param sim the simulated EC2
   * @return the ports; close them after the test
   */
  public static SpinnakerPorts of(VirtualScheduler scheduler, SimulatedEc2 sim) {
    return SpinnakerPorts.of(scheduler.clock(), sim, null, SpinnakerPorts.baseImages(sim, OSES, LABELS));
  }
}
