package dev.keel.support.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * One plain value, as a YAML or JSON parser gives it, with its path: read as a string, a whole number, a
 * boolean, a duration or a map, each failing with an {@link IllegalArgumentException} that names the path
 * first and then says what was expected ({@code capacity.desired: expected a whole number, got 'x'}).
 * {@link PlainMap} reads its keys through it.
 *
 * @param value the value, null when absent
 * @param path where it sits (empty for a section's root)
 */
public record PlainValue(@Nullable Object value, String path) {

  /** The text that says what a duration looks like. */
  static final String DURATION_EXAMPLES = "a duration such as 90s, 30m, 2h, 1d, 500ms or PT30M";

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");

  /**
   * This value as a non-empty string: a string, a whole number or a boolean.
   *
   * @return the string
   */
  public String asString() {
    if (value instanceof String s) {
      if (s.isBlank()) {
        throw problem("expected a non-empty string, got ''");
      }
      return s;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger
        || value instanceof Boolean) {
      return value.toString();
    }
    throw problem("expected a string, got " + describe(value)
        + (value instanceof Number ? " (quote it to keep it as written)" : ""));
  }

  /**
   * This value as a whole number.
   *
   * @return the number
   */
  public int asInteger() {
    BigInteger whole = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      whole = BigInteger.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      whole = b;
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      BigDecimal d = new BigDecimal(value.toString());
      if (d.stripTrailingZeros().scale() <= 0) {
        whole = d.toBigInteger();
      }
    } else if (value instanceof String s && WHOLE.matcher(s.trim()).matches()) {
      whole = new BigInteger(s.trim());
    }
    if (whole == null) {
      throw problem("expected a whole number, got " + describe(value));
    }
    if (whole.bitLength() > 31) {
      throw problem("expected a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
          + ", got " + whole);
    }
    return whole.intValue();
  }

  /**
   * This value as a boolean: a boolean, or the string {@code true} or {@code false} in any case.
   *
   * @return the boolean
   */
  public boolean asBoolean() {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw problem("expected true or false, got " + describe(value));
  }

  /**
   * This value as a duration, never negative: a number with a unit ({@code 500ms}, {@code 90s},
   * {@code 30m}, {@code 2h}, {@code 1d}), several of them ({@code 1h30m}), {@code 0}, an ISO-8601 duration
   * ({@code PT30M}, {@code P1D}), or a {@link Duration}.
   *
   * @return the duration
   */
  public Duration asDuration() {
    if (value instanceof Duration d) {
      if (d.isNegative()) {
        throw problem("expected " + DURATION_EXAMPLES + ", got a negative duration " + d);
      }
      return d;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw problem("expected " + DURATION_EXAMPLES + ", got " + describe(value));
    }
    String s = text.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.toUpperCase(Locale.ROOT).startsWith("P")) {
      try {
        Duration d = Duration.parse(s);
        if (!d.isNegative()) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw problem("expected " + DURATION_EXAMPLES + ", got " + describe(value));
    }
    Matcher m = DURATION_PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long amount;
      try {
        amount = Long.parseLong(m.group(1));
        total = total.plus(switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        });
      } catch (NumberFormatException | ArithmeticException e) {
        throw problem("expected " + DURATION_EXAMPLES + ", got " + describe(value) + " (too long)");
      }
      end = m.end();
    }
    if (end == 0 || end != s.length()) {
      throw problem("expected " + DURATION_EXAMPLES + ", got " + describe(value));
    }
    return total;
  }

  /**
   * This value as a map.
   *
   * @return the map, read at that path
   */
  public PlainMap asMap() {
    if (!(value instanceof Map<?, ?> m)) {
      throw problem("expected a map, got " + describe(value));
    }
    return PlainMap.of(m, path);
  }

  /**
   * How a bad value is shown in a message: strings quoted, numbers and booleans as they are, lists and maps
   * by kind.
   *
   * @param value the value
   * @return the description
   */
  public static String describe(@Nullable Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String s) {
      return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Map<?, ?>) {
      return "a map";
    }
    if (value instanceof List<?>) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName();
  }

  private IllegalArgumentException problem(String message) {
    return PlainMap.problemAt(path, message);
  }
}
