package dev.keel.spi.model;

import java.util.Objects;

/**
 * Where and how often an environment's events are announced.
 *
 * @param type {@code slack} or {@code email}
 * @param address the channel or address
 * @param frequency {@code verbose}, {@code normal}, {@code quiet} or {@code notice}
 */
public record NotificationConfig(String type, String address, String frequency) {

  /** Checks the type and frequency. */
  public NotificationConfig {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(address, "address");
    frequency = frequency == null ? "normal" : frequency;
    if (!type.equals("slack") && !type.equals("email")) {
      throw new IllegalArgumentException("Unknown notification type '" + type + "': expected slack or email");
    }
    if (!java.util.Set.of("verbose", "normal", "quiet", "notice").contains(frequency)) {
      throw new IllegalArgumentException(
          "Unknown notification frequency '" + frequency + "': expected verbose, normal, quiet or notice");
    }
  }
}
