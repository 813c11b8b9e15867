package dev.keel.cloud.api.deploy;

import java.util.Locale;

/** Which health a deploy waits for. */
public enum DeployHealth {
  /** The default health providers (discovery and load balancers as well as the cloud). */
  AUTO,
  /** The cloud provider's own instance health only. */
  NONE;

  /**
   * Reads a health value case-insensitively.
   *
   * @param text {@code auto} or {@code none}; null means AUTO
   * @return the value
   * @throws IllegalArgumentException naming the accepted values
   */
  public static DeployHealth parse(String text) {
    if (text == null) {
      return AUTO;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown deploy health '" + text + "': use AUTO or NONE", e);
    }
  }
}
