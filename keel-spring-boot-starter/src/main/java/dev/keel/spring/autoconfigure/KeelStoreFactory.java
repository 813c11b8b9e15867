package dev.keel.spring.autoconfigure;

import dev.keel.engine.config.KindRegistry;
import dev.keel.engine.store.KeelStore;

/**
 * Makes the engine's store once the engine knows its kinds (the store reads stored configs back with them). The
 * starter defines one over the application's {@code DataSource} when keel-store-jdbc is on the class path; a host may
 * define its own bean, or a {@link KeelStore} bean, instead.
 */
@FunctionalInterface
public interface KeelStoreFactory {

  /**
   * Builds the store.
   *
   * @param kinds the kinds and types of the engine being built
   * @return the store
   */
  KeelStore create(KindRegistry kinds);
}
