package dev.keel.resolvers;

import java.util.Objects;
import javax.annotation.Nullable;

/** What a policy rule does to the value at its path. */
public sealed interface PolicyAction {

  /**
   * The JSON pointer of the value, such as {@code /capacity/min}.
   *
   * @return the path
   */
  String path();

  /**
   * The new value given the current one.
   *
   * @param current the value at the path, or null if absent
   * @return the value to set, or {@code current} (the same object) to leave it alone
   */
  @Nullable
  Object apply(@Nullable Object current);

  /**
   * Sets the value when the spec leaves it out.
   *
   * @param path the path
   * @param value the default
   */
  record SetDefault(String path, Object value) implements PolicyAction {
    /** Checks for nulls. */
    public SetDefault {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object apply(@Nullable Object current) {
      return current == null ? value : current;
    }
  }

  /**
   * Sets the value whatever the spec says.
   *
   * @param path the path
   * @param value the value
   */
  record Force(String path, Object value) implements PolicyAction {
    /** Checks for nulls. */
    public Force {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public Object apply(@Nullable Object current) {
      return value;
    }
  }

  /**
   * Replaces one value with another, such as an instance type being retired.
   *
   * @param path the path
   * @param from the value to replace
   * @param to its replacement
   */
  record Replace(String path, Object from, Object to) implements PolicyAction {
    /** Checks for nulls. */
    public Replace {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    @Override
    @Nullable
    public Object apply(@Nullable Object current) {
      return from.equals(current) || (current != null && from.toString().equals(current.toString())) ? to : current;
    }
  }

  /**
   * Raises a number to a minimum; an absent value is set to the minimum.
   *
   * @param path the path
   * @param minimum the minimum
   */
  record AtLeast(String path, double minimum) implements PolicyAction {
    /** Checks for nulls. */
    public AtLeast {
      Objects.requireNonNull(path, "path");
    }

    @Override
    @Nullable
    public Object apply(@Nullable Object current) {
      if (current instanceof Number n) {
        return n.doubleValue() >= minimum ? current : asWhole(minimum);
      }
      return current == null ? asWhole(minimum) : current;
    }

    private static Object asWhole(double d) {
      return d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE ? (Object) (long) d : (Object) d;
    }
  }
}
