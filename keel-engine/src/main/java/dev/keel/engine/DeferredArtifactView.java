package dev.keel.engine;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The artifact view handed to extensions while the engine is being built: plugin extensions are
 * constructed (with their context) before promotion exists, so the view they keep delegates to the real
 * one once it is bound.
 */
final class DeferredArtifactView implements ArtifactView {

  private volatile ArtifactView target = ArtifactView.empty();

  void bind(ArtifactView view) {
    this.target = Objects.requireNonNull(view, "view");
  }

  @Override
  public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
    return target.desiredVersion(deliveryConfig, environment, artifactReference);
  }

  @Override
  public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
    return target.version(deliveryConfig, artifactReference, version);
  }

  @Override
  public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
    return target.versions(deliveryConfig, artifactReference, limit);
  }

  @Override
  public Optional<DeliveryArtifact> artifact(String deliveryConfig, String reference) {
    return target.artifact(deliveryConfig, reference);
  }
}
