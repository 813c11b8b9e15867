package dev.keel.engine.store;

import dev.keel.spi.model.DeliveryConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
   * Removes a delivery config and stops managing its resources (cloud resources are left alone).
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
