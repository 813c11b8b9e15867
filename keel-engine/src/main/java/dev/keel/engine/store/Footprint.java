package dev.keel.engine.store;

/**
 * What an {@link InMemoryStore} holds, to watch its memory.
 *
 * @param managedResources resources managed now
 * @param resourceIds resource ids anything is held for (managed, or removed and within the grace period)
 * @param events events held in resource and application histories
 * @param tasks task records held
 */
public record Footprint(int managedResources, int resourceIds, int events, int tasks) {}
