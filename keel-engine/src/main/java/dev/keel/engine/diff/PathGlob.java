package dev.keel.engine.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed path glob: RFC 6901 segments where {@code *} matches one segment and {@code **} any number.
 */
record PathGlob(String text, List<String> segments) {

  static final String STAR = "*";
  static final String STAR_STAR = "**";

  static PathGlob parse(String text) {
    if (text.isEmpty()) {
      return new PathGlob(text, List.of());
    }
    if (text.charAt(0) != '/') {
      throw new DiffConfigurationException("path glob must be empty or start with '/': '" + text + "'");
    }
    List<String> segments = new ArrayList<>();
    for (String raw : text.substring(1).split("/", -1)) {
      if (raw.isEmpty()) {
        throw new DiffConfigurationException("path glob has an empty segment: '" + text + "'");
      }
      String seg = JsonPointer.unescape(raw);
      // Identity matters below: wildcard segments are compared by reference in the hot path.
      segments.add(seg.equals(STAR) ? STAR : seg.equals(STAR_STAR) ? STAR_STAR : seg);
    }
    return new PathGlob(text, List.copyOf(segments));
  }

  /** Whether this glob matches the given path segments, or a prefix of them when {@code prefix}. */
  boolean matches(List<String> path, boolean prefix) {
    return match(0, path, 0, prefix);
  }

  private boolean match(int gi, List<String> path, int pi, boolean prefix) {
    if (gi == segments.size()) {
      return prefix || pi == path.size();
    }
    String g = segments.get(gi);
    if (g == STAR_STAR) {
      for (int k = pi; k <= path.size(); k++) {
        if (match(gi + 1, path, k, prefix)) {
          return true;
        }
      }
      return false;
    }
    if (pi == path.size()) {
      return false;
    }
    return (g == STAR || g.equals(path.get(pi))) && match(gi + 1, path, pi + 1, prefix);
  }
}
