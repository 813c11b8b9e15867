package dev.keel.spi.model;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of a resource: a group, a kind name and a version, written {@code group/kind@vVERSION},
 * for example {@code ec2/cluster@v1.1}.
 *
 * <p>The group and kind consist of letters, digits, {@code _}, {@code .} and {@code -}; the version is
 * one or more dot-separated numbers. {@link #parse(String)} and {@link #toString()} are inverse.
 *
 * @param group the group, such as {@code ec2} or {@code titus}
 * @param kind the kind within the group, such as {@code cluster}
 * @param version the version without its {@code v}, such as {@code 1.1}
 */
public record ResourceKind(String group, String kind, String version) implements Comparable<ResourceKind> {

  private static final Pattern NAME = Pattern.compile("[\\w.-]+");
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");
  private static final Pattern KIND = Pattern.compile("([\\w.-]+)/([\\w.-]+)@v(.+)");

  /**
   * Validates the parts.
   *
   * @throws IllegalArgumentException if a part is blank or has characters a kind cannot hold
   */
  public ResourceKind {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    if (!NAME.matcher(group).matches()) {
      throw new IllegalArgumentException(
          "Invalid resource kind group '" + group + "': use letters, digits, '_', '.' or '-'");
    }
    if (!NAME.matcher(kind).matches()) {
      throw new IllegalArgumentException(
          "Invalid resource kind name '" + kind + "': use letters, digits, '_', '.' or '-'");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException(
          "Invalid resource kind version '" + version + "': expected numbers separated by dots, such as 1 or 1.2");
    }
  }

  /**
   * Parses a kind written {@code group/kind@vVERSION}.
   *
   * @param text the kind, such as {@code ec2/cluster@v1.1}
   * @return the kind
   * @throws IllegalArgumentException if the text is not a valid kind; the message says what is expected
   */
  public static ResourceKind parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = KIND.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Invalid resource kind '" + text + "': expected group/kind@vVERSION, such as ec2/cluster@v1.1");
    }
    return new ResourceKind(m.group(1), m.group(2), m.group(3));
  }

  /**
   * Whether this kind and {@code other} differ only in version.
   *
   * @param other another kind
   * @return true when group and kind are equal
   */
  public boolean sameKindAs(ResourceKind other) {
    return group.equals(other.group) && kind.equals(other.kind);
  }

  /**
   * Orders by group, kind and then numerically by version, so that {@code v1.10} sorts after {@code v1.9}.
   */
  @Override
  public int compareTo(ResourceKind other) {
    int c = group.compareTo(other.group);
    if (c != 0) {
      return c;
    }
    c = kind.compareTo(other.kind);
    return c != 0 ? c : compareVersions(version, other.version);
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      // Versions may carry leading zeros or exceed a long; compare as unsigned decimal strings.
      String p = i < x.length ? stripZeros(x[i]) : "0";
      String q = i < y.length ? stripZeros(y[i]) : "0";
      int c = p.length() != q.length() ? Integer.compare(p.length(), q.length()) : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  /** Returns {@code group/kind@vVERSION}. */
  @Override
  public String toString() {
    return group + "/" + kind + "@v" + version;
  }
}
