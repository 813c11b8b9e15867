package dev.keel.engine.store;

import dev.keel.spi.model.ArtifactVersion;
import java.util.List;

/** The published versions of artifacts, shared by every delivery config that uses an artifact. */
public interface ArtifactRepository {

  /**
   * Records a published artifact version; versions are global, shared by every config using the artifact.
   *
   * @param version the version
   * @return whether it was new
   */
  boolean storeArtifactVersion(ArtifactVersion version);

  /**
   * The known versions of an artifact, in no particular order.
   *
   * @param type the artifact type
   * @param name the artifact name
   * @return the versions
   */
  List<ArtifactVersion> artifactVersions(String type, String name);
}
