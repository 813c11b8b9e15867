package dev.keel.ec2.handler;

import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.spi.KeelContext;
import dev.keel.spinnaker.SpinnakerClouds;
import dev.keel.support.cloud.CloudPort;
import dev.keel.support.task.CloudTasks;

/**
 * Where the plugin's extensions get their {@link Ec2Cloud}: the host's, registered with
 * {@code KeelEngine.builder().service(Ec2Cloud.class, cloud)}; or, when the plugin's configuration says
 * {@code simulated: true}, the simulated EC2 of the {@code dev.keel.ec2-sim} plugin. With neither the plugin
 * is reported unavailable, saying how to provide a cloud (see {@link CloudPort}). With {@code cloud: spinnaker} it
 * is the adapter over Clouddriver and Orca of the bundled keel-spinnaker ({@link SpinnakerClouds}).
 */
public final class Ec2Clouds {

  /** The plugin's port. */
  public static final CloudPort<Ec2Cloud> PORT = new CloudPort<>(Ec2Cloud.class, "dev.keel.ec2", "EC2",
      "dev.keel:keel-ec2-api", "dev.keel.ec2-sim",
      context -> SpinnakerClouds.of(context, "dev.keel.ec2").ec2());

  private Ec2Clouds() {}

  /**
   * The cloud for a context.
   *
   * @param context the extension's context
   * @return the host's cloud, or the simulated one when configured so
   * @throws dev.keel.spi.PluginUnavailableException if there is none
   */
  public static Ec2Cloud of(KeelContext context) {
    return PORT.of(context);
  }

  /**
   * How the plugin's handlers launch tasks on a cloud (system {@value Ec2Cloud#SYSTEM}).
   *
   * @param cloud the cloud
   * @return the launcher
   */
  public static CloudTasks tasks(Ec2Cloud cloud) {
    return new CloudTasks(cloud, Ec2Cloud.SYSTEM, "EC2");
  }
}
