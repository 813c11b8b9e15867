package dev.keel.engine.store;

import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;

/**
 * The delivery configs of {@link InMemoryStore}, the resources they declare and each resource's state.
 * Thread-safe: its monitor guards all three, which change together. {@link InMemoryStore} holds the monitor
 * across a whole submission or deletion, so that the schedule and what is forgotten change in the same step.
 */
final class ResourceTable {

  private final Map<String, DeliveryConfig> configs = new TreeMap<>();
  private final Map<String, SubmittedDocument> documents = new HashMap<>();
  private final Map<String, StoredResource> resources = new TreeMap<>();
  private final Map<String, ResourceState> states = new HashMap<>();

  /**
   * Refuses a config that clashes with another, changing nothing.
   *
   * @throws ConfigConflictException if another config has the same name or application, or manages one of
   *     its resources
   */
  synchronized void checkConflicts(DeliveryConfig config) {
    DeliveryConfig sameName = configs.get(config.name());
    if (sameName != null && !sameName.application().equals(config.application())) {
      throw new ConfigConflictException("Delivery config name '" + config.name() + "' is used by application '"
          + sameName.application() + "'; choose another name");
    }
    for (DeliveryConfig other : configs.values()) {
      if (other.application().equals(config.application()) && !other.name().equals(config.name())) {
        throw new ConfigConflictException("Application '" + config.application() + "' already has delivery config '"
            + other.name() + "'; an application has one config: keep its name or delete it first");
      }
    }
    config.resources().forEach(r -> {
      StoredResource existing = resources.get(r.id());
      if (existing != null && !existing.deliveryConfig().equals(config.name())) {
        throw new ConfigConflictException("Resource " + r.id() + " is already managed by delivery config '"
            + existing.deliveryConfig() + "'; a resource can be managed by one config only");
      }
    });
  }

  /** Stores a config {@linkplain #checkConflicts checked} under the same hold of the monitor. */
  synchronized SubmitResult store(DeliveryConfig config, @Nullable SubmittedDocument document) {
    DeliveryConfig previous = configs.get(config.name());
    Set<String> created = new HashSet<>();
    Set<String> updated = new HashSet<>();
    Set<String> unchanged = new HashSet<>();
    Set<String> declared = new HashSet<>();
    for (Environment env : config.environments()) {
      for (Resource<?> r : env.resources()) {
        declared.add(r.id());
        StoredResource old = resources.get(r.id());
        if (old == null) {
          resources.put(r.id(), new StoredResource(r, config.name(), env.name(), 1));
          created.add(r.id());
        } else if (!old.resource().equals(r) || !old.environment().equals(env.name())) {
          resources.put(r.id(), new StoredResource(r, config.name(), env.name(), old.version() + 1));
          updated.add(r.id());
        } else {
          // Metadata may change without a new version; keep the newest.
          resources.put(r.id(), new StoredResource(r, config.name(), env.name(), old.version()));
          unchanged.add(r.id());
        }
      }
    }
    Set<String> removed = new HashSet<>();
    if (previous != null) {
      previous.resources().map(Resource::id).filter(id -> !declared.contains(id)).forEach(id -> {
        unmanage(id);
        removed.add(id);
      });
    }
    configs.put(config.name(), config);
    if (document == null) {
      documents.remove(config.name());
    } else {
      documents.put(config.name(), document);
    }
    return new SubmitResult(created, updated, removed, unchanged);
  }

  private void unmanage(String id) {
    resources.remove(id);
    states.remove(id);
  }

  /**
   * Removes a config and its resources.
   *
   * @return the config removed, if there was one
   */
  synchronized Optional<DeliveryConfig> delete(String name) {
    DeliveryConfig config = configs.remove(name);
    documents.remove(name);
    if (config != null) {
      config.resources().map(Resource::id).forEach(this::unmanage);
    }
    return Optional.ofNullable(config);
  }

  synchronized Optional<DeliveryConfig> config(String name) {
    return Optional.ofNullable(configs.get(name));
  }

  synchronized Optional<SubmittedDocument> document(String name) {
    return Optional.ofNullable(documents.get(name));
  }

  synchronized Optional<DeliveryConfig> configForApplication(String application) {
    return configs.values().stream().filter(c -> c.application().equals(application)).findFirst();
  }

  synchronized List<DeliveryConfig> configs() {
    return List.copyOf(configs.values());
  }

  synchronized Optional<StoredResource> resource(String id) {
    return Optional.ofNullable(resources.get(id));
  }

  synchronized List<StoredResource> resources() {
    return List.copyOf(resources.values());
  }

  synchronized ResourceState state(String id) {
    return states.getOrDefault(id, ResourceState.initial(id));
  }

  /** Saves the state of a managed resource; a resource no longer managed keeps none. */
  synchronized void saveState(ResourceState state) {
    if (resources.containsKey(state.resourceId())) {
      states.put(state.resourceId(), state);
    }
  }

  /** The ids of managed resources and of those with a state, for the footprint. */
  synchronized Set<String> resourceIds() {
    Set<String> ids = new HashSet<>(resources.keySet());
    ids.addAll(states.keySet());
    return ids;
  }

  synchronized int size() {
    return resources.size();
  }
}
