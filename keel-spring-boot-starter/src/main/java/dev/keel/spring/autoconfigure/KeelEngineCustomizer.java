package dev.keel.spring.autoconfigure;

import dev.keel.engine.KeelEngineBuilder;

/**
 * Adds to the engine the starter builds, before it is built: handlers, resolvers, services for plugins, an artifact
 * view. Define any number as beans; they run in their {@code @Order}. A host that wants to build the engine itself
 * defines a {@code KeelEngine} bean instead, and the starter backs off.
 */
@FunctionalInterface
public interface KeelEngineCustomizer {

  /**
   * Configures the builder.
   *
   * @param builder the builder, already given the {@code keel.*} configuration, store, plugins, clock and scheduler
   */
  void customize(KeelEngineBuilder builder);
}
