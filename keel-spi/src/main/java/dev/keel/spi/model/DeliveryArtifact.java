package dev.keel.spi.model;

import javax.annotation.Nullable;

/**
 * A versioned piece of software that a delivery config promotes through its environments: a Debian
 * package ({@link DebianArtifact}), a Docker image ({@link DockerArtifact}) or an npm package
 * ({@link NpmArtifact}). Artifact types are registered by name, so plugins may add more.
 */
public interface DeliveryArtifact {

  /**
   * The artifact type as written in the config, such as {@code deb}.
   *
   * @return the type
   */
  String type();

  /**
   * The artifact's name in its repository, such as the package or image name.
   *
   * @return the name
   */
  String name();

  /**
   * The name by which resources refer to this artifact; unique within a delivery config. Defaults to
   * the name when the config omits it.
   *
   * @return the reference
   */
  String reference();

  /**
   * Which versions to consider, by branch or pull request; null considers every version.
   *
   * @return the filter, or null
   */
  @Nullable
  ArtifactOriginFilter from();
}
