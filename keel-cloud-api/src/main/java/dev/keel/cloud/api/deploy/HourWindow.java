package dev.keel.cloud.api.deploy;

import java.util.regex.Pattern;

/**
 * Hours of the day (UTC) in which a staggered region may deploy, written {@code "H-H"}.
 *
 * @param startHour first hour, 0 to 23
 * @param endHour last hour, 0 to 23
 */
public record HourWindow(int startHour, int endHour) {

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

  /** Checks the hours. */
  public HourWindow {
    if (startHour < 0 || startHour > 23 || endHour < 0 || endHour > 23) {
      throw new IllegalArgumentException("Hours must be between 0 and 23, got " + startHour + "-" + endHour);
    }
  }

  /**
   * Parses {@code "H-H"}.
   *
   * @param text the window
   * @return the window
   * @throws IllegalArgumentException if the text is not two hours separated by '-'
   */
  public static HourWindow parse(String text) {
    var m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("Invalid hours '" + text + "': write a start and an end hour such as \"9-17\"");
    }
    return new HourWindow(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /**
   * Whether an hour of the day is inside the window (which may wrap past midnight).
   *
   * @param hour the hour, 0 to 23
   * @return true if deploying is allowed in that hour
   */
  public boolean contains(int hour) {
    return startHour <= endHour ? hour >= startHour && hour <= endHour : hour >= startHour || hour <= endHour;
  }
}
