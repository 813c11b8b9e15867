package dev.keel.engine.internal.artifact;

/**
 * Debian's version comparison ({@code dpkg --compare-versions}): {@code [epoch:]upstream[-revision]}, each
 * part compared as alternating non-digit and digit runs, where {@code ~} sorts before everything, even the
 * end of the string ({@code 1.0~rc1 < 1.0}).
 */
final class DebianVersions {

  private DebianVersions() {}

  static int compare(String a, String b) {
    long epochA = epoch(a);
    long epochB = epoch(b);
    if (epochA != epochB) {
      return Long.compare(epochA, epochB);
    }
    String restA = withoutEpoch(a);
    String restB = withoutEpoch(b);
    int dashA = restA.lastIndexOf('-');
    int dashB = restB.lastIndexOf('-');
    String upstreamA = dashA < 0 ? restA : restA.substring(0, dashA);
    String upstreamB = dashB < 0 ? restB : restB.substring(0, dashB);
    int c = compareParts(upstreamA, upstreamB);
    if (c != 0) {
      return c;
    }
    return compareParts(dashA < 0 ? "" : restA.substring(dashA + 1), dashB < 0 ? "" : restB.substring(dashB + 1));
  }

  private static long epoch(String v) {
    int colon = v.indexOf(':');
    if (colon <= 0) {
      return 0;
    }
    try {
      return Long.parseLong(v.substring(0, colon));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String withoutEpoch(String v) {
    int colon = v.indexOf(':');
    return colon <= 0 ? v : v.substring(colon + 1);
  }

  private static int order(String s, int i) {
    if (i >= s.length()) {
      return 0;
    }
    char c = s.charAt(i);
    if (Character.isDigit(c)) {
      return 0;
    }
    if (Character.isLetter(c)) {
      return c;
    }
    if (c == '~') {
      return -1;
    }
    return c + 256;
  }

  private static boolean digit(String s, int i) {
    return i < s.length() && Character.isDigit(s.charAt(i));
  }

  private static int compareParts(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() || j < b.length()) {
      while ((i < a.length() && !digit(a, i)) || (j < b.length() && !digit(b, j))) {
        int ac = order(a, i);
        int bc = order(b, j);
        if (ac != bc) {
          return Integer.compare(ac, bc);
        }
        i++;
        j++;
      }
      while (i < a.length() && a.charAt(i) == '0') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == '0') {
        j++;
      }
      int firstDiff = 0;
      while (digit(a, i) && digit(b, j)) {
        if (firstDiff == 0) {
          firstDiff = Character.compare(a.charAt(i), b.charAt(j));
        }
        i++;
        j++;
      }
      if (digit(a, i)) {
        return 1;
      }
      if (digit(b, j)) {
        return -1;
      }
      if (firstDiff != 0) {
        return Integer.signum(firstDiff);
      }
    }
    return 0;
  }
}
