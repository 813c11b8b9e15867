package dev.keel.spi;

import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Fetches the published versions of one artifact type from a build or package system.
 */
public interface ArtifactSupplier extends ExtensionPoint {

  /**
   * The artifact type served, such as {@code deb}.
   *
   * @return the type
   */
  String artifactType();

  /**
   * The newest published versions of an artifact.
   *
   * @param artifact the artifact
   * @param limit the most to return
   * @return the versions, in any order
   */
  List<ArtifactVersion> latestVersions(DeliveryArtifact artifact, int limit);
}
