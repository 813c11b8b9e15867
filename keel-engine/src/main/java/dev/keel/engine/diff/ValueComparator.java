package dev.keel.engine.diff;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides whether a desired and a current value are equivalent, replacing the differ's own comparison
 * at the types or paths it is registered for. The differ never passes null.
 *
 * <p>Contract: an equivalence relation that is at least as coarse as {@code equals} (values that are
 * {@code equals} are equivalent), and {@link #hash} consistent with it, because sets are matched by
 * hash. The differ relies on the first part to skip equal subtrees with {@code equals()}.
 */
public interface ValueComparator {

  /**
   * Whether two values are equivalent.
   *
   * @param desired the desired value, never null
   * @param current the current value, never null
   * @return true if no change should be reported
   */
  boolean equivalent(Object desired, Object current);

  /**
   * A hash code consistent with {@link #equivalent}.
   *
   * @param value a value, never null
   * @return equal hashes for equivalent values
   */
  int hash(Object value);

  /**
   * Compares {@link CharSequence}s ignoring case (with {@link Locale#ROOT} rules), other values with
   * {@code equals}.
   *
   * @return the comparator
   */
  static ValueComparator caseInsensitive() {
    return canonicalizing(v -> v instanceof CharSequence s ? s.toString().toLowerCase(Locale.ROOT) : v);
  }

  /**
   * Compares values by {@code equals}, switching off the differ's numeric and {@code java.time}
   * normalisation where it is registered.
   *
   * @return the comparator
   */
  static ValueComparator byEquals() {
    return canonicalizing(Function.identity());
  }

  /**
   * Compares values by a canonical form, for example a CIDR block or a unit-normalised quantity.
   *
   * @param canonical maps a value to a form whose {@code equals} and {@code hashCode} define equivalence
   * @return the comparator
   */
  static ValueComparator canonicalizing(Function<Object, ?> canonical) {
    Objects.requireNonNull(canonical, "canonical");
    return new ValueComparator() {
      @Override
      public boolean equivalent(Object desired, Object current) {
        return Objects.equals(canonical.apply(desired), canonical.apply(current));
      }

      @Override
      public int hash(Object value) {
        return Objects.hashCode(canonical.apply(value));
      }
    };
  }
}
