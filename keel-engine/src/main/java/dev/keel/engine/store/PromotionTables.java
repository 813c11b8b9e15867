package dev.keel.engine.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The promotion state of {@link InMemoryStore}, per environment and artifact. Not thread-safe: the store's
 * lock guards it.
 */
final class PromotionTables {

  private final Map<EnvironmentArtifact, Map<String, PromotionRecord>> promotions = new HashMap<>();
  private final Map<EnvironmentArtifact, Map<List<String>, ConstraintState>> constraintStates = new HashMap<>();
  private final Map<EnvironmentArtifact, Pin> pins = new HashMap<>();
  private final Map<EnvironmentArtifact, Map<List<String>, VerificationState>> verificationStates = new HashMap<>();
  private final Map<EnvironmentArtifact, Set<String>> approvalQueues = new HashMap<>();

  List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return List.copyOf(promotions.getOrDefault(where, Map.of()).values());
  }

  void savePromotions(List<PromotionRecord> records) {
    records.forEach(r -> promotions.computeIfAbsent(r.where(), k -> new LinkedHashMap<>()).put(r.version(), r));
  }

  List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return constraintStates.getOrDefault(where, Map.of()).values().stream()
        .filter(c -> c.version().equals(version)).collect(Collectors.toList());
  }

  void saveConstraintState(ConstraintState state) {
    constraintStates.computeIfAbsent(state.where(), k -> new LinkedHashMap<>())
        .put(List.of(state.version(), state.type()), state);
  }

  Optional<Pin> pin(EnvironmentArtifact where) {
    return Optional.ofNullable(pins.get(where));
  }

  void savePin(Pin pin) {
    pins.put(pin.where(), pin);
  }

  boolean removePin(EnvironmentArtifact where) {
    return pins.remove(where) != null;
  }

  List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return List.copyOf(verificationStates.getOrDefault(where, Map.of()).values());
  }

  void saveVerificationState(VerificationState state) {
    verificationStates.computeIfAbsent(state.where(), k -> new LinkedHashMap<>())
        .put(List.of(state.version(), state.verificationId()), state);
  }

  void queueForApproval(EnvironmentArtifact where, String version) {
    approvalQueues.computeIfAbsent(where, k -> new LinkedHashSet<>()).add(version);
  }

  List<String> approvalQueue(EnvironmentArtifact where) {
    return List.copyOf(approvalQueues.getOrDefault(where, Set.of()));
  }

  void dequeueApproval(EnvironmentArtifact where, String version) {
    Set<String> queue = approvalQueues.get(where);
    if (queue != null && queue.remove(version) && queue.isEmpty()) {
      approvalQueues.remove(where);
    }
  }

  /** Drops everything of a deleted delivery config. */
  void forgetConfig(String name) {
    promotions.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    constraintStates.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    pins.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    verificationStates.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    approvalQueues.keySet().removeIf(w -> w.deliveryConfig().equals(name));
  }
}
