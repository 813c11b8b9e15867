package dev.keel.engine.promotion;

import dev.keel.engine.store.PromotionStatus;
import java.util.List;
import java.util.Optional;

/**
 * The versions of one artifact in one environment, newest first.
 *
 * @param environment the environment
 * @param artifactReference the artifact
 * @param desiredVersion the version its resources should run (pin, else best approved), or null
 * @param versions the versions, newest first
 */
public record EnvironmentPromotion(String environment, String artifactReference, @javax.annotation.Nullable String desiredVersion,
    List<VersionPromotion> versions) {

  /** Copies the list. */
  public EnvironmentPromotion {
    versions = List.copyOf(versions);
  }

  /**
   * The status of a version.
   *
   * @param version the version
   * @return its status; PENDING if it has no record here
   */
  public PromotionStatus statusOf(String version) {
    return version(version).map(VersionPromotion::status).orElse(PromotionStatus.PENDING);
  }

  /**
   * One version's standing.
   *
   * @param version the version
   * @return it, if known
   */
  public Optional<VersionPromotion> version(String version) {
    return versions.stream().filter(v -> v.version().equals(version)).findFirst();
  }

  /**
   * The current version.
   *
   * @return it, if any version is current
   */
  public Optional<String> current() {
    return versions.stream().filter(v -> v.status() == PromotionStatus.CURRENT).map(VersionPromotion::version).findFirst();
  }
}
