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
 * The promotion state of {@link InMemoryStore}, per environment and artifact. Thread-safe: its monitor
 * guards it.
 */
final class PromotionTables {

  private final Map<EnvironmentArtifact, Map<String, PromotionRecord>> promotions = new HashMap<>();
  private final Map<EnvironmentArtifact, Map<List<String>, ConstraintState>> constraintStates = new HashMap<>();
  private final Map<EnvironmentArtifact, Pin> pins = new HashMap<>();
  private final Map<EnvironmentArtifact, Map<List<String>, VerificationState>> verificationStates = new HashMap<>();
  private final Map<EnvironmentArtifact, Set<String>> approvalQueues = new HashMap<>();

  synchronized List<PromotionRecord> promotions(EnvironmentArtifact where) {
    return List.copyOf(promotions.getOrDefault(where, Map.of()).values());
  }

  synchronized void savePromotions(List<PromotionRecord> records) {
    records.forEach(r -> promotions.computeIfAbsent(r.where(), k -> new LinkedHashMap<>()).put(r.version(), r));
  }

  synchronized List<ConstraintState> constraintStates(EnvironmentArtifact where, String version) {
    return constraintStates.getOrDefault(where, Map.of()).values().stream()
        .filter(c -> c.version().equals(version)).collect(Collectors.toList());
  }

  synchronized void saveConstraintState(ConstraintState state) {
    constraintStates.computeIfAbsent(state.where(), k -> new LinkedHashMap<>())
        .put(List.of(state.version(), state.type()), state);
  }

  synchronized Optional<Pin> pin(EnvironmentArtifact where) {
    return Optional.ofNullable(pins.get(where));
  }

  synchronized void savePin(Pin pin) {
    pins.put(pin.where(), pin);
  }

  synchronized boolean removePin(EnvironmentArtifact where) {
    return pins.remove(where) != null;
  }

  synchronized List<VerificationState> verificationStates(EnvironmentArtifact where) {
    return List.copyOf(verificationStates.getOrDefault(where, Map.of()).values());
  }

  synchronized void saveVerificationState(VerificationState state) {
    verificationStates.computeIfAbsent(state.where(), k -> new LinkedHashMap<>())
        .put(List.of(state.version(), state.verificationId()), state);
  }

  synchronized void queueForApproval(EnvironmentArtifact where, String version) {
    approvalQueues.computeIfAbsent(where, k -> new LinkedHashSet<>()).add(version);
  }

  synchronized List<String> approvalQueue(EnvironmentArtifact where) {
    return List.copyOf(approvalQueues.getOrDefault(where, Set.of()));
  }

  synchronized void dequeueApproval(EnvironmentArtifact where, String version) {
    Set<String> queue = approvalQueues.get(where);
    if (queue != null && queue.remove(version) && queue.isEmpty()) {
      approvalQueues.remove(where);
    }
  }

  /** Drops everything of a deleted delivery config. */
  synchronized void forgetConfig(String name) {
    promotions.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    constraintStates.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    pins.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    verificationStates.keySet().removeIf(w -> w.deliveryConfig().equals(name));
    approvalQueues.keySet().removeIf(w -> w.deliveryConfig().equals(name));
  }
}
