package dev.keel.titus.handler;

import dev.keel.spi.KeelContext;
import dev.keel.spinnaker.SpinnakerClouds;
import dev.keel.support.cloud.CloudPort;
import dev.keel.support.task.CloudTasks;
import dev.keel.titus.api.TitusCloud;

/**
 * Where the plugin's extensions get their {@link TitusCloud}: the host's, registered with
 * {@code KeelEngine.builder().service(TitusCloud.class, cloud)}; or, when the plugin's configuration says
 * {@code simulated: true}, the simulated Titus of the {@code dev.keel.titus-sim} plugin. With neither the plugin
 * is reported unavailable, saying how to provide a cloud (see {@link CloudPort}). With {@code cloud: spinnaker} it
 * is the adapter over Clouddriver and Orca of the bundled keel-spinnaker ({@link SpinnakerClouds}).
 */
public final class TitusClouds {

  /** The plugin's port. */
  public static final CloudPort<TitusCloud> PORT = new CloudPort<>(TitusCloud.class, "dev.keel.titus", "Titus",
      "dev.keel:keel-titus-api", "dev.keel.titus-sim",
      context -> SpinnakerClouds.of(context, "dev.keel.titus").titus());

  private TitusClouds() {}

  /**
   * The cloud for a context.
   *
   * @param context the extension's context
   * @return the host's cloud, or the simulated one when configured so
   * @throws dev.keel.spi.PluginUnavailableException if there is none
   */
  public static TitusCloud of(KeelContext context) {
    return PORT.of(context);
  }

  /**
   * How the plugin's handler launches tasks on a cloud (system {@value TitusCloud#SYSTEM}).
   *
   * @param cloud the cloud
   * @return the launcher
   */
  public static CloudTasks tasks(TitusCloud cloud) {
    return new CloudTasks(cloud, TitusCloud.SYSTEM, "Titus");
  }
}
