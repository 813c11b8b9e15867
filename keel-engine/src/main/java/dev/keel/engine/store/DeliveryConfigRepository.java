package dev.keel.engine.store;

import dev.keel.spi.model.DeliveryConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The delivery configs a store keeps, one per application. Storing or deleting a config is the only way
 * resources start or stop being managed ({@link ResourceRepository}), and it changes the
 * {@link CheckSchedule} with them, in the same step.
 */
public interface DeliveryConfigRepository {

  /**
   * Stores a delivery config and its resources in one step: resources new to the store are created,
   * changed ones get a new version (only when kind or spec really changed), ones no longer declared are
   * removed from management, and changed or new resources are due for a check at once. Pauses survive.
   *
   * @param config the validated config
   * @param at when
   * @return what changed
   * @throws ConfigConflictException, leaving the store untouched, if another config has the same name or
   *     application, or already manages one of the resources
   */
  SubmitResult storeDeliveryConfig(DeliveryConfig config, Instant at);

  /**
   * Stores a delivery config as {@link #storeDeliveryConfig(DeliveryConfig, Instant)} does, and keeps the
   * document it was read from, so that it can be shown as its author wrote it (templates and all). The document
   * is replaced with the config: storing a config without one (this method with null, or the other) forgets
   * the one kept before, as it no longer describes what is stored. A refused config changes neither.
   *
   * <p>The default stores the config and keeps no document, so that a store written before documents were kept
   * works unchanged; a store that keeps them overrides this and {@link #submittedDocument(String)}.
   *
   * @param config the validated config
   * @param document the document it was read from, or null for a config built in code
   * @param at when
   * @return what changed
   * @throws ConfigConflictException as {@link #storeDeliveryConfig(DeliveryConfig, Instant)} does
   */
  default SubmitResult storeDeliveryConfig(DeliveryConfig config, @Nullable SubmittedDocument document, Instant at) {
    return storeDeliveryConfig(config, at);
  }

  /**
   * The document a stored config was read from.
   *
   * @param name the config's name
   * @return the document; empty if the config is not stored, was stored without one, or the store keeps none
   */
  default Optional<SubmittedDocument> submittedDocument(String name) {
    return Optional.empty();
  }

  /**
   * Removes a delivery config, and its submitted document, and stops managing its resources (cloud resources
   * are left alone).
   *
   * @param name the config's name
   * @return the ids of the resources no longer managed; empty if there was no such config
   */
  List<String> deleteDeliveryConfig(String name);

  /**
   * A delivery config by name.
   *
   * @param name the name
   * @return the config, if stored
   */
  Optional<DeliveryConfig> deliveryConfig(String name);

  /**
   * The delivery config of an application.
   *
   * @param application the application
   * @return the config, if stored
   */
  Optional<DeliveryConfig> deliveryConfigForApplication(String application);

  /**
   * Every stored delivery config.
   *
   * @return the configs, by name
   */
  List<DeliveryConfig> deliveryConfigs();
}
