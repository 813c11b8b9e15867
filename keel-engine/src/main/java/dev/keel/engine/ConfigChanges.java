package dev.keel.engine;

import dev.keel.engine.event.ApplicationEvent;
import dev.keel.engine.event.ResourceEvent;
import dev.keel.engine.internal.check.EventRecorder;
import dev.keel.engine.store.KeelStore;
import dev.keel.engine.store.StoredResource;
import dev.keel.engine.store.SubmitResult;
import dev.keel.engine.store.SubmittedDocument;
import dev.keel.spi.model.DeliveryConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * Stores and deletes validated delivery configs, records what changed in each resource's history and who changed it
 * in the application's, and has
 * the loops look at a stored config at once.
 */
final class ConfigChanges {

  private final KeelStore store;
  private final Clock clock;
  private final EventRecorder recorder;
  private final CheckLoop checks;
  private final PromotionLoop promotionLoop;

  ConfigChanges(KeelStore store, Clock clock, EventRecorder recorder, CheckLoop checks, PromotionLoop promotionLoop) {
    this.store = store;
    this.clock = clock;
    this.recorder = recorder;
    this.checks = checks;
    this.promotionLoop = promotionLoop;
  }

  /**
   * Stores a validated config and records what changed.
   *
   * @param document the document it was read from, kept beside it; null for a config built in code
   */
  SubmitResult store(DeliveryConfig deliveryConfig, @Nullable SubmittedDocument document, Actor actor) {
    Objects.requireNonNull(actor, "actor");
    Optional<DeliveryConfig> previous = store.deliveryConfig(deliveryConfig.name());
    Instant now = clock.instant();
    SubmitResult result = document == null ? store.storeDeliveryConfig(deliveryConfig, now)
        : store.storeDeliveryConfig(deliveryConfig, document, now);
    String app = deliveryConfig.application();
    result.created().stream().sorted().forEach(id -> recorder.record(new ResourceEvent.Created(id, app, now)));
    result.updated().stream().sorted().forEach(id -> recorder.record(new ResourceEvent.Updated(id, app, now,
        store.resource(id).map(StoredResource::version).orElse(0L))));
    result.removed().stream().sorted().forEach(id -> recorder.record(new ResourceEvent.Removed(id, app, now)));
    boolean changed = !result.created().isEmpty() || !result.updated().isEmpty() || !result.removed().isEmpty()
        || previous.isEmpty() || !previous.get().equals(deliveryConfig);
    if (changed) {
      recorder.record(new ApplicationEvent.ConfigSubmitted(app, now, deliveryConfig.name(), actor.by(),
          actor.comment(), result.created().size(), result.updated().size(), result.removed().size()));
    }
    promotionLoop.trigger(deliveryConfig.name());
    checks.pump();
    return result;
  }

  /** Forgets a config, records its resources as removed and who deleted it. */
  boolean delete(String name, Actor actor) {
    Objects.requireNonNull(actor, "actor");
    Optional<DeliveryConfig> existing = store.deliveryConfig(name);
    if (existing.isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    String app = existing.get().application();
    List<String> removed = store.deleteDeliveryConfig(name);
    removed.forEach(id -> recorder.record(new ResourceEvent.Removed(id, app, now)));
    recorder.record(new ApplicationEvent.ConfigDeleted(app, now, name, actor.by(), actor.comment(), removed.size()));
    return true;
  }
}
