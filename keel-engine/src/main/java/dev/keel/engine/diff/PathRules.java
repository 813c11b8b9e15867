package dev.keel.engine.diff;

import java.util.List;

/**
 * The configured path globs compiled into one NFA whose state is a bit set in a {@code long}: one bit
 * per (glob, matched-prefix-length). Advancing it per segment allocates nothing, and a state of 0 means
 * no rule can apply anywhere below, which is what lets the walk take the {@code equals()} fast path.
 */
final class PathRules {

  private static final int MAX_POSITIONS = 64;

  /** The segment pattern to match to leave a position; null at a glob's accepting position. */
  private final String[] pattern;
  /** The rule each accepting position stands for. */
  private final PathRule[] ruleAt;
  private final long[] closureOf;
  private final long start;
  private final long acceptMask;
  private final long ignoreMask;
  private final long subsetMask;
  private final long literalMask;

  private record Entry(PathGlob glob, PathRule rule) {}

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final java.util.ArrayList<Entry> entries = new java.util.ArrayList<>();

    Builder add(String glob, PathRule rule) {
      entries.add(new Entry(PathGlob.parse(glob), rule));
      return this;
    }

    PathRules build() {
      return new PathRules(List.copyOf(entries));
    }
  }

  private PathRules(List<Entry> entries) {
    int positions = 0;
    for (Entry e : entries) {
      positions += e.glob().segments().size() + 1;
    }
    if (positions > MAX_POSITIONS) {
      throw new DiffConfigurationException("path globs have " + positions
          + " positions (segments + 1 per glob) in total; at most " + MAX_POSITIONS + " are supported");
    }
    pattern = new String[positions];
    ruleAt = new PathRule[positions];
    long startBits = 0;
    long accept = 0;
    long ignore = 0;
    long subset = 0;
    long literal = 0;
    int p = 0;
    for (Entry e : entries) {
      startBits |= 1L << p;
      for (String seg : e.glob().segments()) {
        pattern[p] = seg;
        if (seg != PathGlob.STAR && seg != PathGlob.STAR_STAR) {
          literal |= 1L << p;
        }
        p++;
      }
      ruleAt[p] = e.rule();
      accept |= 1L << p;
      if (e.rule() instanceof PathRule.Ignore) {
        ignore |= 1L << p;
      } else if (e.rule() instanceof PathRule.DesiredSubset) {
        subset |= 1L << p;
      }
      p++;
    }
    closureOf = new long[positions];
    for (int i = positions - 1; i >= 0; i--) {
      long c = 1L << i;
      if (pattern[i] == PathGlob.STAR_STAR) {
        c |= closureOf[i + 1];
      }
      closureOf[i] = c;
    }
    acceptMask = accept;
    ignoreMask = ignore;
    subsetMask = subset;
    literalMask = literal;
    start = closure(startBits);
  }

  private long closure(long bits) {
    long out = 0;
    for (long b = bits; b != 0; b &= b - 1) {
      out |= closureOf[Long.numberOfTrailingZeros(b)];
    }
    return out;
  }

  /** The state at the root. */
  long start() {
    return start;
  }

  /** Whether advancing from this state needs the segment's text (a literal pattern is live). */
  boolean needsText(long state) {
    return (state & literalMask) != 0;
  }

  /** Advances over one segment. */
  long step(long state, String segment) {
    if (state == 0) {
      return 0;
    }
    long out = 0;
    for (long b = state; b != 0; b &= b - 1) {
      int i = Long.numberOfTrailingZeros(b);
      String pat = pattern[i];
      if (pat == null) {
        continue;
      }
      if (pat == PathGlob.STAR_STAR) {
        out |= closureOf[i];
      } else if (pat == PathGlob.STAR || (segment != null && pat.equals(segment))) {
        out |= closureOf[i + 1];
      }
    }
    return out;
  }

  boolean ignored(long state) {
    return (state & ignoreMask) != 0;
  }

  boolean subset(long state) {
    return (state & subsetMask) != 0;
  }

  /** The last configured comparator accepting at this state, or null. */
  ValueComparator comparator(long state) {
    ValueComparator found = null;
    for (long b = state & acceptMask; b != 0; b &= b - 1) {
      if (ruleAt[Long.numberOfTrailingZeros(b)] instanceof PathRule.Compare c) {
        found = c.comparator();
      }
    }
    return found;
  }

  /** The last configured collection semantics accepting at this state, or null. */
  PathRule.Semantics semantics(long state) {
    PathRule.Semantics found = null;
    for (long b = state & acceptMask; b != 0; b &= b - 1) {
      if (ruleAt[Long.numberOfTrailingZeros(b)] instanceof PathRule.Semantics s) {
        found = s;
      }
    }
    return found;
  }

  /** Whether any rule accepts at this state. */
  boolean accepts(long state) {
    return (state & acceptMask) != 0;
  }
}
