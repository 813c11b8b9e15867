package dev.keel.spinnaker.pipeline;

import dev.keel.spi.ArtifactSupplier;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DockerArtifact;
import dev.keel.spinnaker.clouddriver.ClouddriverClient;
import dev.keel.spinnaker.http.JsonView;
import dev.keel.spinnaker.titus.TitusReads;
import dev.keel.titus.api.DockerImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Docker artifact versions from Clouddriver's registry endpoints ({@code GET /dockerRegistry/images/find}), so that
 * new tags show up without anyone publishing them: each tag (but {@code latest}) is a version, newest first, with
 * its digest in the metadata.
 */
public class DockerArtifactSupplier implements ArtifactSupplier {

  private final ClouddriverClient clouddriver;
  @Nullable private final String registry;

  /**
   * A supplier.
   *
   * @param clouddriver Clouddriver
   * @param registry the registry account to read, or null for every registry
   */
  public DockerArtifactSupplier(ClouddriverClient clouddriver, @Nullable String registry) {
    this.clouddriver = Objects.requireNonNull(clouddriver, "clouddriver");
    this.registry = registry;
  }

  @Override
  public String artifactType() {
    return DockerArtifact.TYPE;
  }

  @Override
  public List<ArtifactVersion> latestVersions(DeliveryArtifact artifact, int limit) {
    List<JsonView> found = clouddriver.dockerImages(registry, artifact.name(), null);
    List<ArtifactVersion> out = new ArrayList<>();
    for (DockerImage image : TitusReads.images(found, artifact.name())) {
      if (out.size() >= limit) {
        break;
      }
      if (!"latest".equals(image.tag())) {
        out.add(new ArtifactVersion(DockerArtifact.TYPE, artifact.name(), image.tag(),
            image.createdAt().toEpochMilli() == 0 ? null : image.createdAt(), null, Map.of("digest", image.digest())));
      }
    }
    return out;
  }
}
