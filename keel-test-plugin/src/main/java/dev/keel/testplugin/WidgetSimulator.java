package dev.keel.testplugin;

import dev.keel.spi.KeelContext;
import dev.keel.spi.Simulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A simulator that offers a simulated "cloud" under a type every class loader shares, {@link Clock}: a clock
 * stopped at the epoch. Not annotated, so the built zip does not list it; tests list it in a variant's
 * extension index, beside a {@link FaultyWidgetHandler} with {@code constructor=simulated}.
 */
public class WidgetSimulator implements Simulator {

  /** The clock it offers. */
  public static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

  /**
   * Creates the simulator.
   *
   * @param context the engine's context
   */
  public WidgetSimulator(KeelContext context) {
    java.util.Objects.requireNonNull(context, "context");
  }

  @Override
  public String name() {
    return "widgets";
  }

  @Override
  public void seed(Map<String, Object> section) {}

  @Override
  public Map<String, String> actions() {
    return Map.of();
  }

  @Override
  public String apply(String action, Map<String, Object> arguments) {
    throw new IllegalArgumentException("Unknown widgets action '" + action + "'");
  }

  @Override
  public Map<Class<?>, Object> clouds() {
    return Map.of(Clock.class, CLOCK);
  }
}
