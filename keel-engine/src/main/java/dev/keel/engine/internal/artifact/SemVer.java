package dev.keel.engine.internal.artifact;

import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/** A semantic version (2.0.0), with an optional leading {@code v}; build metadata does not affect order. */
record SemVer(BigInteger major, BigInteger minor, BigInteger patch, List<String> preRelease) implements Comparable<SemVer> {

  private static final Pattern SEMVER =
      Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
  private static final Pattern NUMERIC = Pattern.compile("\\d+");

  @Nullable
  static SemVer parse(String text) {
    Matcher m = SEMVER.matcher(text);
    if (!m.matches()) {
      return null;
    }
    List<String> pre = m.group(4) == null ? List.of() : List.of(m.group(4).split("\\."));
    return new SemVer(new BigInteger(m.group(1)), new BigInteger(m.group(2)), new BigInteger(m.group(3)), pre);
  }

  @Override
  public int compareTo(SemVer o) {
    int c = major.compareTo(o.major);
    if (c == 0) {
      c = minor.compareTo(o.minor);
    }
    if (c == 0) {
      c = patch.compareTo(o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return Boolean.compare(preRelease.isEmpty(), o.preRelease.isEmpty()); // a release is newer than its pre-releases
    }
    for (int i = 0; i < Math.min(preRelease.size(), o.preRelease.size()); i++) {
      String a = preRelease.get(i);
      String b = o.preRelease.get(i);
      boolean an = NUMERIC.matcher(a).matches();
      boolean bn = NUMERIC.matcher(b).matches();
      int d = an && bn ? new BigInteger(a).compareTo(new BigInteger(b)) : an ? -1 : bn ? 1 : a.compareTo(b);
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(preRelease.size(), o.preRelease.size());
  }
}
