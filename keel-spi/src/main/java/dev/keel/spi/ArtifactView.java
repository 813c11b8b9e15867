package dev.keel.spi;

import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of artifact promotion, for resolvers and handlers: which version each environment
 * should run, and what is known of versions.
 */
public interface ArtifactView {

  /**
   * The version an environment should run: its pin, else the highest-sorting approved version that is
   * not vetoed.
   *
   * @param deliveryConfig the delivery config's name
   * @param environment the environment's name
   * @param artifactReference the artifact's reference
   * @return the version, or empty when none is approved yet
   */
  Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference);

  /**
   * What is known of one version.
   *
   * @param deliveryConfig the delivery config's name
   * @param artifactReference the artifact's reference
   * @param version the version
   * @return the version, or empty if it was never published
   */
  Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version);

  /**
   * The known versions of an artifact, newest first by the artifact's sorting strategy.
   *
   * @param deliveryConfig the delivery config's name
   * @param artifactReference the artifact's reference
   * @param limit the most to return
   * @return the versions
   */
  List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit);

  /**
   * The artifact a delivery config declares under a reference, so that an extension that only holds a
   * reference (a resolver) can read the artifact's settings, such as a Debian artifact's {@code vmOptions}.
   * Empty by default, for views that know no configs.
   *
   * @param deliveryConfig the delivery config's name
   * @param artifactReference the artifact's reference
   * @return the artifact, or empty if the config or the reference is unknown
   */
  default Optional<DeliveryArtifact> artifact(String deliveryConfig, String artifactReference) {
    return Optional.empty();
  }

  /**
   * A view that knows no versions, for contexts without promotion.
   *
   * @return the empty view
   */
  static ArtifactView empty() {
    return new ArtifactView() {
      @Override
      public Optional<String> desiredVersion(String deliveryConfig, String environment, String artifactReference) {
        return Optional.empty();
      }

      @Override
      public Optional<ArtifactVersion> version(String deliveryConfig, String artifactReference, String version) {
        return Optional.empty();
      }

      @Override
      public List<ArtifactVersion> versions(String deliveryConfig, String artifactReference, int limit) {
        return List.of();
      }
    };
  }
}
