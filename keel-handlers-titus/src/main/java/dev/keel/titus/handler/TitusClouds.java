package dev.keel.titus.handler;

import dev.keel.spi.KeelContext;
import dev.keel.titus.cloud.TitusCloud;
import dev.keel.titus.sim.SimulatedTitus;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the plugin's extensions get their {@link TitusCloud}: the host's, when it registered one as a
 * service ({@code KeelEngine.builder().service(TitusCloud.class, cloud)}); otherwise one
 * {@link SimulatedTitus#withDefaults} on the context's clock per {@link KeelContext}, so that the plugin's
 * handler, resolvers, verification and task monitor share one simulated Titus.
 */
public final class TitusClouds {

  private static final Map<KeelContext, TitusCloud> SIMULATORS = new WeakHashMap<>();

  private TitusClouds() {}

  /**
   * The cloud for a context.
   *
   * @param context the extension's context
   * @return the host's cloud, or the context's simulator
   */
  public static TitusCloud of(KeelContext context) {
    return context.service(TitusCloud.class).orElseGet(() -> {
      synchronized (SIMULATORS) {
        return SIMULATORS.computeIfAbsent(context, c -> SimulatedTitus.withDefaults(c.clock()));
      }
    });
  }
}
