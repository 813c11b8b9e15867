package dev.keel.titus.spinnaker;

import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.KeelContext;
import dev.keel.spi.NotConfiguredException;
import dev.keel.spinnaker.SpinnakerClouds;
import dev.keel.spinnaker.pipeline.DockerArtifactSupplier;
import dev.keel.titus.handler.TitusClouds;
import org.pf4j.Extension;

/**
 * Supplies Docker artifact versions from the Clouddriver of a plugin configured with {@code cloud: spinnaker}
 * ({@link DockerArtifactSupplier}), reading the registry account of its {@code dockerRegistry} setting, or every
 * registry.
 */
@Extension
public final class SpinnakerDockerArtifacts extends DockerArtifactSupplier implements ArtifactSupplier {

  /**
   * The supplier of the plugin's Spinnaker.
   *
   * @param context the plugin's context
   * @throws NotConfiguredException unless the plugin is configured with {@code cloud: spinnaker}
   */
  public SpinnakerDockerArtifacts(KeelContext context) {
    super(clouds(context).clouddriver(), clouds(context).config().dockerRegistry());
  }

  private static SpinnakerClouds clouds(KeelContext context) {
    if (!TitusClouds.PORT.spinnaker(context)) {
      throw new NotConfiguredException("Docker versions from Clouddriver need plugin " + TitusClouds.PORT.pluginId()
          + " configured with cloud: spinnaker");
    }
    return SpinnakerClouds.of(context, TitusClouds.PORT.pluginId());
  }
}
