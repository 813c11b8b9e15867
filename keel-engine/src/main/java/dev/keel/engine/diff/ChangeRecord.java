package dev.keel.engine.diff;

import dev.keel.spi.diff.Change;
import dev.keel.spi.diff.ChangeOp;
import java.util.Arrays;
import java.util.List;

/**
 * One emitted change. Besides the SPI view it keeps the declared shape of the value (for canonical
 * rendering) and, per segment, the element's index in current (-1 when only in desired), which is how
 * JSON Patch resolves keyed selectors.
 */
record ChangeRecord(ChangeOp op, String path, List<String> segments, Object desired, Object current,
    boolean sensitive, Shape shape, int[] patchIndex) implements Change {

  static final int NOT_AN_ELEMENT = Integer.MIN_VALUE;

  /** The same change seen from {@code levels} segments further down, for per-key sub-diffs. */
  ChangeRecord rebase(int levels) {
    List<String> rest = segments.subList(levels, segments.size());
    return new ChangeRecord(op, JsonPointer.of(rest), List.copyOf(rest), desired, current, sensitive, shape,
        Arrays.copyOfRange(patchIndex, levels, patchIndex.length));
  }

  boolean isElement(int segment) {
    return patchIndex[segment] != NOT_AN_ELEMENT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChangeRecord c && op == c.op && path.equals(c.path) && sensitive == c.sensitive
        && java.util.Objects.equals(desired, c.desired) && java.util.Objects.equals(current, c.current);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + op.hashCode();
  }

  @Override
  public String toString() {
    return op + " " + (path.isEmpty() ? "/" : path);
  }
}
