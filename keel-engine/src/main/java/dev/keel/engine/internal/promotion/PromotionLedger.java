package dev.keel.engine.internal.promotion;

import dev.keel.engine.internal.artifact.VersionOrder;
import dev.keel.engine.store.ConstraintStatus;
import dev.keel.engine.store.EnvironmentArtifact;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.Pin;
import dev.keel.engine.store.PromotionRecord;
import dev.keel.engine.store.PromotionStatus;
import dev.keel.engine.store.VerificationState;
import dev.keel.spi.model.ArtifactVersion;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Verification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Read access to promotion state shared by the checker, the tracker, the built-in evaluators and the
 * artifact view: known versions in order, records by version, the desired version of an environment.
 */
final class PromotionLedger {

  private final KeelStore store;

  PromotionLedger(KeelStore store) {
    this.store = store;
  }

  KeelStore store() {
    return store;
  }

  /** The artifact's accepted versions, newest first. */
  List<ArtifactVersion> versions(DeliveryArtifact artifact) {
    return VersionOrder.sortNewestFirst(artifact, store.artifactVersions(artifact.type(), artifact.name()).stream()
        .filter(v -> VersionOrder.accepts(artifact, v)).collect(Collectors.toList()));
  }

  Map<String, PromotionRecord> records(EnvironmentArtifact where) {
    return store.promotions(where).stream().collect(Collectors.toMap(PromotionRecord::version, Function.identity()));
  }

  /** The pin, else the highest-sorting approved version that is not vetoed. */
  Optional<String> desiredVersion(DeliveryConfig config, EnvironmentArtifact where) {
    Optional<Pin> pin = store.pin(where);
    if (pin.isPresent()) {
      return Optional.of(pin.get().version());
    }
    Optional<DeliveryArtifact> artifact = config.artifact(where.artifactReference());
    if (artifact.isEmpty()) {
      return Optional.empty();
    }
    // Resolvers ask on every resource check: sort only the few versions with a record, not every version.
    Map<String, PromotionRecord> records = records(where);
    List<ArtifactVersion> candidates = store.artifactVersions(artifact.get().type(), artifact.get().name()).stream()
        .filter(v -> records.containsKey(v.version()) && VersionOrder.accepts(artifact.get(), v))
        .collect(Collectors.toList());
    return desiredVersion(where, VersionOrder.sortNewestFirst(artifact.get(), candidates));
  }

  /** The desired version given the artifact's versions already sorted newest first. */
  Optional<String> desiredVersion(EnvironmentArtifact where, List<ArtifactVersion> newestFirst) {
    Optional<Pin> pin = store.pin(where);
    if (pin.isPresent()) {
      return Optional.of(pin.get().version());
    }
    return bestApproved(where, newestFirst);
  }

  /** The highest-sorting approved version that is not vetoed, pin or no pin. */
  Optional<String> bestApproved(EnvironmentArtifact where, List<ArtifactVersion> newestFirst) {
    Map<String, PromotionRecord> records = records(where);
    for (ArtifactVersion v : newestFirst) {
      PromotionRecord r = records.get(v.version());
      if (r != null && r.status() != PromotionStatus.VETOED && r.status() != PromotionStatus.PENDING) {
        return Optional.of(v.version());
      }
    }
    return Optional.empty();
  }

  /** Whether a version was ever current in an environment and passed its verifications there. */
  boolean deployedAndVerified(DeliveryConfig config, EnvironmentArtifact where, String version) {
    PromotionRecord r = records(where).get(version);
    boolean deployed = r != null && (r.deployedAt() != null
        || r.status() == PromotionStatus.CURRENT || r.status() == PromotionStatus.PREVIOUS);
    if (!deployed) {
      return false;
    }
    Environment env = config.environment(where.environment());
    List<String> required = env.verifyWith().stream().map(Verification::id).collect(Collectors.toList());
    Map<String, ConstraintStatus> results = store.verificationStates(where).stream()
        .filter(s -> s.version().equals(version))
        .collect(Collectors.toMap(VerificationState::verificationId, VerificationState::status));
    return required.stream().allMatch(id -> results.getOrDefault(id, ConstraintStatus.PENDING).passes());
  }

  /** The environments of a config that deploy an artifact. */
  static List<Environment> environmentsUsing(DeliveryConfig config, String artifactReference) {
    return config.environments().stream()
        .filter(e -> e.resources().stream().anyMatch(r -> r.spec() instanceof dev.keel.spi.model.ArtifactReferencing a
            && artifactReference.equals(a.artifactReference())))
        .collect(Collectors.toList());
  }
}
