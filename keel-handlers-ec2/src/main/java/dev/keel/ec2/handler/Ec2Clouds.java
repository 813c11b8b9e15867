package dev.keel.ec2.handler;

import dev.keel.ec2.cloud.Ec2Cloud;
import dev.keel.ec2.sim.SimulatedEc2;
import dev.keel.spi.KeelContext;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the plugin's extensions get their {@link Ec2Cloud}. The host's, when it registered one as a service
 * ({@code KeelEngine.builder().service(Ec2Cloud.class, cloud)}); otherwise a {@link SimulatedEc2} on the
 * context's clock, seeded with {@link SimulatedEc2#withDefaults}, created once per {@link KeelContext} (the
 * engine gives every extension of a plugin the same context) so that all the plugin's handlers, resolvers,
 * vetoes and its task monitor share one simulated cloud. The simulator is the embedded default of the CLI
 * and the examples; a host that wants to seed it registers its own.
 */
public final class Ec2Clouds {

  private static final Map<KeelContext, Ec2Cloud> SIMULATORS = new WeakHashMap<>();

  private Ec2Clouds() {}

  /**
   * The cloud for a context.
   *
   * @param context the extension's context
   * @return the host's cloud, or the context's simulator
   */
  public static Ec2Cloud of(KeelContext context) {
    return context.service(Ec2Cloud.class).orElseGet(() -> {
      synchronized (SIMULATORS) {
        return SIMULATORS.computeIfAbsent(context, c -> SimulatedEc2.withDefaults(c.clock()));
      }
    });
  }
}
