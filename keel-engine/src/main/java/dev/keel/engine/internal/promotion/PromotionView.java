package dev.keel.engine.internal.promotion;

import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.spi.ArtifactView;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import java.util.Optional;

/** The {@link ArtifactView} over the store's promotion state. */
final class PromotionView implements ArtifactView {

  private final PromotionLedger ledger;

  PromotionView(PromotionLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
    return ledger.store().deliveryConfig(deliveryConfig).flatMap(c -> ledger.desiredVersion(c,
        new EnvironmentArtifact(deliveryConfig, environment, artifactReference)));
  }

  @Override
  public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
    return ledger.store().deliveryConfig(deliveryConfig).flatMap(c -> c.artifact(artifactReference))
        .flatMap(a -> ledger.versions(a).stream().filter(v -> v.version().equals(version)).findFirst());
  }

  @Override
  public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
    return ledger.store().deliveryConfig(deliveryConfig).flatMap(c -> c.artifact(artifactReference))
        .map(a -> ledger.versions(a).stream().limit(limit).toList()).orElse(List.of());
  }

  @Override
  public Optional<DeliveryArtifact> artifact(String deliveryConfig, String artifactReference) {
    return ledger.store().deliveryConfig(deliveryConfig).flatMap(c -> c.artifact(artifactReference));
  }
}
