package dev.keel.engine.promotion;

import dev.keel.spi.model.TimeWindow;

import dev.keel.spi.model.Constraint;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Versions may enter this environment only inside the given time windows, and at most
 * {@code maxDeploysPerWindow} of them per window.
 *
 * @param windows the windows, at least one
 * @param tz the time zone the windows are in, or null for the engine's {@code defaultTimeZone}
 *     ({@link #DEFAULT_ZONE} unless configured)
 * @param maxDeploysPerWindow the most versions approved per window, or null for no limit
 */
public record AllowedTimesConstraint(List<TimeWindow> windows, @Nullable String tz, @Nullable Integer maxDeploysPerWindow)
    implements Constraint {

  /** The type name, {@value}. */
  public static final String TYPE = "allowed-times";

  /** The time zone when none is given, {@value} (Keel's default). */
  public static final String DEFAULT_ZONE = "America/Los_Angeles";

  /** Checks the windows, zone and limit. */
  public AllowedTimesConstraint {
    if (windows == null || windows.isEmpty()) {
      throw new IllegalArgumentException("allowed-times needs at least one window");
    }
    windows = List.copyOf(windows);
    try {
      if (tz != null) {
        ZoneId.of(tz);
      }
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Unknown time zone '" + tz + "': use a region id such as Europe/Berlin or UTC");
    }
    if (maxDeploysPerWindow != null && maxDeploysPerWindow < 1) {
      throw new IllegalArgumentException("maxDeploysPerWindow must be at least 1");
    }
  }

  /**
   * The time zone, with Keel's default when none is given.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return zone(ZoneId.of(DEFAULT_ZONE));
  }

  /**
   * The time zone.
   *
   * @param defaultZone the zone when none is given (the engine's {@code defaultTimeZone})
   * @return the zone
   */
  public ZoneId zone(ZoneId defaultZone) {
    return tz == null ? defaultZone : ZoneId.of(tz);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /**
   * The environments of a config with an {@code allowed-times} constraint that gives no time zone, whose
   * windows are therefore read in the engine's default zone.
   *
   * @param config the config
   * @return the environment names, in config order
   */
  public static List<String> environmentsWithoutZone(DeliveryConfig config) {
    return config.environments().stream()
        .filter(e -> e.constraints().stream().anyMatch(c -> c instanceof AllowedTimesConstraint a && a.tz() == null))
        .map(Environment::name).toList();
  }
}
