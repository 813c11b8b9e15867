package dev.keel.spi.model;

import javax.annotation.Nullable;

/**
 * A spec that deploys a version of one of its delivery config's artifacts, named by reference.
 *
 * <p>The engine validates that the reference names an artifact of the config, and the artifact version
 * resolver writes the version approved for the resource's environment in through
 * {@link #withArtifactVersion(String)}.
 */
public interface ArtifactReferencing extends ResourceSpec {

  /**
   * The reference of the artifact this resource deploys.
   *
   * @return the artifact reference, or null when the spec pins a fixed image instead
   */
  @Nullable
  String artifactReference();

  /**
   * The artifact version resolved into this spec.
   *
   * @return the version, or null before resolution
   */
  @Nullable
  String artifactVersion();

  /**
   * A copy of this spec that deploys the given version. The copy must be of the same class.
   *
   * @param version the artifact version
   * @return the copy
   */
  ArtifactReferencing withArtifactVersion(String version);
}
