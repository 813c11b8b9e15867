package dev.keel.support.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic identifiers for things a simulated cloud makes up (AMI ids, image digests, account ids), so
 * that a scenario plays the same way every time.
 */
public final class SimIds {

  private SimIds() {}

  /**
   * The SHA-256 of a text, in lower-case hex.
   *
   * @param text the text (UTF-8)
   * @return 64 hex digits
   */
  public static String sha256(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JDK has no SHA-256", e);
    }
  }

  /**
   * A number of decimal digits derived from a text, such as a 12-digit AWS account id.
   *
   * @param text the text
   * @param digits how many digits, 1 to 18
   * @return the digits
   */
  public static String digits(String text, int digits) {
    if (digits < 1 || digits > 18) {
      throw new IllegalArgumentException("digits must be between 1 and 18, got " + digits);
    }
    long value = Long.parseUnsignedLong(sha256(text).substring(0, 15), 16);
    String out = Long.toString(value % (long) Math.pow(10, digits));
    return "0".repeat(digits - out.length()) + out;
  }

  /**
   * An id for one of a series of things a simulated cloud makes for a key, such as the second task for one
   * correlation id. It depends only on the key and the place in the key's series, not on how calls about
   * other keys interleaved: resources checked at the same instant reach a simulator in whatever order their
   * threads run, and a scenario must show the same ids on every run.
   *
   * @param key the key
   * @param ordinal the place in the key's series, from 1
   * @return 12 hex digits
   */
  public static String serial(String key, int ordinal) {
    return sha256(key + "#" + ordinal).substring(0, 12);
  }
}
