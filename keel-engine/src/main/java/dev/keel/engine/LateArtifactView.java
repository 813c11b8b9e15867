package dev.keel.engine;

import dev.keel.spi.ArtifactView;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import java.util.Optional;

/**
 * The artifact view plugins are handed while they load, before the store exists (a store made by the builder's
 * factory needs the kinds the plugins bring): empty until the engine binds it to promotion's view of the store.
 */
final class LateArtifactView implements ArtifactView {

  private volatile ArtifactView delegate = ArtifactView.empty();

  void bind(ArtifactView view) {
    this.delegate = view;
  }

  @Override
  public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
    return delegate.desiredVersion(deliveryConfig, environment, artifactReference);
  }

  @Override
  public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
    return delegate.version(deliveryConfig, artifactReference, version);
  }

  @Override
  public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
    return delegate.versions(deliveryConfig, artifactReference, limit);
  }

  @Override
  public Optional<DeliveryArtifact> artifact(String deliveryConfig, String artifactReference) {
    return delegate.artifact(deliveryConfig, artifactReference);
  }
}
