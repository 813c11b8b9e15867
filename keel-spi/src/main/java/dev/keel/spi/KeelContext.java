package dev.keel.spi;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine gives an extension: its clock, its configuration, services the host provides, the
 * artifact view and an event publisher. An extension that declares a public constructor taking a
 * {@code KeelContext} receives one; otherwise its no-argument constructor is used.
 */
public interface KeelContext {

  /**
   * The engine's clock. Extensions never read the system clock, so that tests run on virtual time.
   *
   * @return the clock
   */
  Clock clock();

  /**
   * The configuration the host gave this extension's plugin, as plain values (maps, lists, strings,
   * numbers, booleans).
   *
   * @return the configuration, empty when none was given
   */
  Map<String, Object> config();

  /**
   * A service the host registered under a type, such as a cloud client.
   *
   * @param type the service type
   * @param <T> the service type
   * @return the service, if registered
   */
  <T> Optional<T> service(Class<T> type);

  /**
   * A simulated cloud a simulator plugin offers under a port type ({@link Simulator#clouds()}), for a cloud
   * plugin whose configuration asks for the simulated cloud. Never a host's service: a plugin that finds no
   * cloud of either kind fails with a {@link PluginUnavailableException} rather than simulate silently.
   *
   * @param type the port type
   * @param <T> the port type
   * @return the simulated cloud, if a loaded simulator offers one
   */
  default <T> Optional<T> simulated(Class<T> type) {
    return Optional.empty();
  }

  /**
   * Read-only artifact promotion state.
   *
   * @return the view
   */
  ArtifactView artifacts();

  /**
   * The engine's spec codec, for extensions that edit specs by path.
   *
   * @return the codec, or empty when the host provides none
   */
  default Optional<SpecCodec> specCodec() {
    return service(SpecCodec.class);
  }

  /**
   * Publishes an event to the resource's history and the host's subscribers.
   *
   * @param event the event
   */
  void publish(PluginEvent event);
}
