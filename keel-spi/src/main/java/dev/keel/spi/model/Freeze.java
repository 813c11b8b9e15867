package dev.keel.spi.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A change freeze: while it is in force no actuation starts for the resources it covers; they are still
 * checked and their drift reported. Either absolute ({@code from} and {@code until}, local date-times in
 * {@code tz}) or recurring ({@code days} and/or {@code hours} in {@code tz}, the syntax of
 * {@code allowed-times}: {@code weekends}, {@code Fri-Mon}, {@code 18-06}, end hour excluded).
 *
 * @param reason why, shown with every blocked actuation, or null
 * @param from the start of an absolute freeze, or null
 * @param until the end (exclusive) of an absolute freeze, or null
 * @param days the days of a recurring freeze, or null for every day
 * @param hours the hours of a recurring freeze, or null for every hour
 * @param tz the time zone; UTC when omitted
 */
public record Freeze(@Nullable String reason, @Nullable LocalDateTime from, @Nullable LocalDateTime until,
    @Nullable String days, @Nullable String hours, @Nullable String tz) {

  /** Checks that the freeze is either absolute or recurring, and well formed. */
  public Freeze {
    tz = tz == null ? "UTC" : tz;
    try {
      ZoneId.of(tz);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("Unknown time zone '" + tz + "': use a region id such as Europe/Berlin or UTC");
    }
    boolean absolute = from != null || until != null;
    boolean recurring = days != null || hours != null;
    if (absolute == recurring) {
      throw new IllegalArgumentException(
          "A freeze needs either 'from' and 'until' (an interval) or 'days' and/or 'hours' (recurring), not both");
    }
    if (absolute && (from == null || until == null || !until.isAfter(from))) {
      throw new IllegalArgumentException("A freeze interval needs 'from' before 'until'");
    }
    if (recurring) {
      new TimeWindow(days, hours); // validates the syntax
    }
  }

  /**
   * The time zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return ZoneId.of(Objects.requireNonNull(tz));
  }

  /**
   * Whether the freeze is in force at an instant.
   *
   * @param t the instant
   * @return true during the freeze
   */
  public boolean activeAt(Instant t) {
    ZonedDateTime local = t.atZone(zone());
    if (from != null) {
      return !local.toLocalDateTime().isBefore(from) && local.toLocalDateTime().isBefore(until);
    }
    TimeWindow w = new TimeWindow(days, hours);
    return w.daysOfWeek().contains(local.getDayOfWeek()) && w.hoursOfDay().contains(local.getHour());
  }

  /**
   * When the freeze in force at an instant ends.
   *
   * @param t an instant during the freeze
   * @return the end, or empty if the freeze is not in force then (or a recurring freeze never ends)
   */
  public Optional<Instant> endAfter(Instant t) {
    if (!activeAt(t)) {
      return Optional.empty();
    }
    if (from != null) {
      return Optional.of(until.atZone(zone()).toInstant());
    }
    // Walk whole local hours forward; ZonedDateTime steps across daylight-saving changes correctly.
    ZonedDateTime hour = t.atZone(zone()).truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 8 * 24; i++) {
      hour = hour.plusHours(1);
      if (!activeAt(hour.toInstant())) {
        return Optional.of(hour.toInstant());
      }
    }
    return Optional.empty();
  }

  /**
   * When the freeze next comes into force after an instant.
   *
   * @param t the instant
   * @param horizon how far ahead to look
   * @return the start, or empty if not within the horizon
   */
  public Optional<Instant> nextStart(Instant t, Duration horizon) {
    if (from != null) {
      Instant start = from.atZone(zone()).toInstant();
      return start.isAfter(t) && !start.isAfter(t.plus(horizon)) ? Optional.of(start) : Optional.empty();
    }
    ZonedDateTime hour = t.atZone(zone()).truncatedTo(ChronoUnit.HOURS);
    for (long i = 0; i < horizon.toHours() + 1; i++) {
      hour = hour.plusHours(1);
      if (activeAt(hour.toInstant())) {
        return Optional.of(hour.toInstant());
      }
    }
    return Optional.empty();
  }
}
