package dev.keel.spi.model;

import java.time.DayOfWeek;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.Nullable;

/**
 * Days of the week and hours of the day, as written in {@code allowed-times} windows.
 *
 * <p>Days are full or three-letter names ({@code Monday}, {@code mon}), ranges that may wrap
 * ({@code Fri-Mon}), the aliases {@code weekdays} and {@code weekends}, separated by commas. Hours are
 * numbers 0 to 23 and ranges whose end is exclusive ({@code 10-18} is 10:00 to 17:59), which may wrap
 * ({@code 18-04} is 18:00 to 03:59). Omitted days or hours mean all of them.
 *
 * @param days the days as written, or null for every day
 * @param hours the hours as written, or null for every hour
 */
public record TimeWindow(@Nullable String days, @Nullable String hours) {

  /** Parses both parts so that a bad window is rejected when the config is read. */
  public TimeWindow {
    daysOf(days);
    hoursOf(hours);
  }

  /**
   * The days this window covers.
   *
   * @return the days, all seven when none were given
   */
  public Set<DayOfWeek> daysOfWeek() {
    return daysOf(days);
  }

  /**
   * The hours this window covers.
   *
   * @return the hours 0 to 23, all 24 when none were given
   */
  public Set<Integer> hoursOfDay() {
    return hoursOf(hours);
  }

  private static Set<DayOfWeek> daysOf(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Collections.unmodifiableSet(EnumSet.allOf(DayOfWeek.class));
    }
    EnumSet<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      if (p.equals("weekdays")) {
        result.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
      } else if (p.equals("weekends")) {
        result.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
      } else if (p.contains("-")) {
        String[] ends = p.split("-", -1);
        if (ends.length != 2) {
          throw new IllegalArgumentException("Invalid day range '" + part.trim() + "': expected such as Mon-Fri");
        }
        DayOfWeek from = day(ends[0], text);
        DayOfWeek to = day(ends[1], text);
        for (DayOfWeek d = from; ; d = d.plus(1)) {
          result.add(d);
          if (d == to) {
            break;
          }
        }
      } else {
        result.add(day(p, text));
      }
    }
    return Collections.unmodifiableSet(result);
  }

  private static DayOfWeek day(String name, String whole) {
    String n = name.trim();
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (n.equals(full) || n.equals(full.substring(0, 3))) {
        return d;
      }
    }
    throw new IllegalArgumentException("Invalid day '" + n + "' in '" + whole
        + "': use day names (Monday or Mon), ranges (Mon-Fri), weekdays or weekends");
  }

  private static Set<Integer> hoursOf(@Nullable String text) {
    Set<Integer> result = new TreeSet<>();
    if (text == null || text.isBlank()) {
      for (int h = 0; h < 24; h++) {
        result.add(h);
      }
      return Collections.unmodifiableSet(result);
    }
    for (String part : text.split(",")) {
      String p = part.trim();
      if (p.contains("-")) {
        String[] ends = p.split("-", -1);
        if (ends.length != 2) {
          throw new IllegalArgumentException("Invalid hour range '" + p + "': expected such as 9-17");
        }
        int from = hour(ends[0], text);
        int to = hour(ends[1], text);
        if (from == to) {
          throw new IllegalArgumentException("Invalid hour range '" + p
              + "': it is empty because the end hour is excluded; omit hours for the whole day");
        }
        for (int h = from; h != to; h = (h + 1) % 24) {
          result.add(h);
        }
      } else {
        result.add(hour(p, text));
      }
    }
    return Collections.unmodifiableSet(result);
  }

  private static int hour(String s, String whole) {
    try {
      int h = Integer.parseInt(s.trim());
      if (h >= 0 && h <= 23) {
        return h;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("Invalid hour '" + s.trim() + "' in '" + whole
        + "': use hours 0 to 23 and ranges such as 9-17 (end excluded)");
  }
}
