package dev.keel.examples.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations users write: {@code 500ms}, {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}, or ISO-8601 {@code PT30M}. */
final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @param text the text
   * @return the duration, never negative
   * @throws IllegalArgumentException saying what is accepted
   */
  static Duration parse(String text) {
    String t = text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      try {
        Duration d = Duration.parse(t);
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw invalid(text);
    }
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length() && m.find(at) && m.start() == at) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      });
      at = m.end();
    }
    if (at == 0 || at != t.length()) {
      throw invalid(text);
    }
    return total;
  }

  /** Renders a duration as {@code 1h05m30s}, for progress lines. */
  static String format(Duration d) {
    long s = d.getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("'" + text + "' is not a duration: write it like 90s, 30m, 2h, 1d, 1h30m "
        + "or ISO-8601 PT30M");
  }
}
