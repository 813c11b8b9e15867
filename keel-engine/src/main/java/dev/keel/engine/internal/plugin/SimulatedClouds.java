package dev.keel.engine.internal.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The cloud ports the loaded simulators offer ({@code Simulator.clouds()}), by port type: what
 * {@code KeelContext.simulated(type)} answers. Filled once, after the simulators are constructed and before
 * the other extensions are, and read by every plugin's context.
 */
final class SimulatedClouds {

  private record Offer(Object cloud, String pluginId) {}

  private final Map<Class<?>, Offer> offers = new LinkedHashMap<>();

  /**
   * Registers a simulator's cloud under a port type.
   *
   * @return the plugin that already offers one under that type (which keeps it), or null when registered
   */
  @Nullable
  synchronized String offer(Class<?> type, Object cloud, String pluginId) {
    if (!type.isInstance(cloud)) {
      throw new IllegalArgumentException("its simulator offers a " + cloud.getClass().getName() + " as a "
          + type.getName() + ", which it does not implement");
    }
    Offer earlier = offers.putIfAbsent(type, new Offer(cloud, pluginId));
    return earlier == null ? null : earlier.pluginId();
  }

  /** The simulated cloud offered under a type. */
  synchronized <T> Optional<T> find(Class<T> type) {
    Offer offer = offers.get(type);
    return offer == null ? Optional.empty() : Optional.of(type.cast(offer.cloud()));
  }

  /** Forgets what the plugins offered, as when the loader closes. */
  synchronized void clear() {
    offers.clear();
  }
}
