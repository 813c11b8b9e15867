package dev.keel.ec2.bake;

import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where the plugin's extensions get their {@link Bakery}: one per {@link KeelContext} (the engine gives every
 * extension of a plugin the same context), over {@link Ec2Clouds#of}, so the bake constraint and the image
 * resolver share attempts and registered artifacts. Plugin configuration: {@code imageAccount} (default
 * {@code test}) and {@code bakeAttempts} (default 3).
 */
public final class Bakeries {

  private static final Map<KeelContext, Bakery> BAKERIES = new WeakHashMap<>();

  private Bakeries() {}

  /**
   * The bakery of a context.
   *
   * @param context the extension's context
   * @return the bakery
   */
  public static Bakery of(KeelContext context) {
    synchronized (BAKERIES) {
      return BAKERIES.computeIfAbsent(context, c -> new Bakery(Ec2Clouds.of(c),
          String.valueOf(c.config().getOrDefault("imageAccount", "test")),
          Integer.parseInt(String.valueOf(c.config().getOrDefault("bakeAttempts", "3"))), c::publish));
    }
  }
}
