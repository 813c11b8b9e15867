package dev.keel.engine.store;

import java.util.Objects;

/**
 * One artifact in one environment of one delivery config: the scope of promotion states, pins,
 * constraint states and verification states.
 *
 * @param deliveryConfig the config's name
 * @param environment the environment's name
 * @param artifactReference the artifact's reference
 */
public record EnvironmentArtifact(String deliveryConfig, String environment, String artifactReference) {

  /** Checks for nulls. */
  public EnvironmentArtifact {
    Objects.requireNonNull(deliveryConfig, "deliveryConfig");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(artifactReference, "artifactReference");
  }

  @Override
  public String toString() {
    return deliveryConfig + "/" + environment + "/" + artifactReference;
  }
}
