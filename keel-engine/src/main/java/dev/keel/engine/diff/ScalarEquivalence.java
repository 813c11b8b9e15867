package dev.keel.engine.diff;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.chrono.ChronoZonedDateTime;

/**
 * Value semantics for scalars: numbers are equal across boxes when numerically equal, and date-times
 * that carry a zone or offset are equal when they denote the same instant. Allocation-free for the
 * common boxes, because this runs once per compared leaf.
 */
final class ScalarEquivalence {

  private ScalarEquivalence() {}

  static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof java.util.concurrent.atomic.AtomicInteger
        || n instanceof java.util.concurrent.atomic.AtomicLong;
  }

  static boolean numbersEqual(Number a, Number b) {
    boolean ai = isIntegral(a);
    boolean bi = isIntegral(b);
    if (ai && bi) {
      return a.longValue() == b.longValue();
    }
    boolean af = a instanceof Double || a instanceof Float;
    boolean bf = b instanceof Double || b instanceof Float;
    if ((af || ai) && (bf || bi)) {
      if (af && bf) {
        double x = a.doubleValue();
        double y = b.doubleValue();
        return x == y || (Double.isNaN(x) && Double.isNaN(y));
      }
      // one integral, one floating: equal only when the double is exactly that integer
      double f = af ? a.doubleValue() : b.doubleValue();
      long l = af ? b.longValue() : a.longValue();
      return f == (double) l && (long) f == l;
    }
    BigDecimal x = toBigDecimal(a);
    BigDecimal y = toBigDecimal(b);
    if (x == null || y == null) {
      return a.equals(b);
    }
    return x.compareTo(y) == 0;
  }

  /** A hash consistent with {@link #numbersEqual}. */
  static int numberHash(Number n) {
    if (isIntegral(n)) {
      return Long.hashCode(n.longValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.hashCode(d);
    }
    if (d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return Long.hashCode((long) d);
    }
    return Double.hashCode(d);
  }

  /** Null for NaN and infinities, which have no decimal form. */
  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal b) {
      return b;
    }
    if (n instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (isIntegral(n)) {
      return BigDecimal.valueOf(n.longValue());
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return null;
    }
    return BigDecimal.valueOf(d);
  }

  /** A canonical decimal rendering: equal numbers render equally. */
  static String canonicalNumber(Number n) {
    if (isIntegral(n)) {
      return Long.toString(n.longValue());
    }
    BigDecimal b = toBigDecimal(n);
    if (b == null) {
      return n.toString();
    }
    if (b.signum() == 0) {
      return "0";
    }
    return b.stripTrailingZeros().toPlainString();
  }

  static boolean temporalEqual(Object a, Object b) {
    if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
      return x.isEqual(y);
    }
    if (a instanceof ChronoZonedDateTime<?> x && b instanceof ChronoZonedDateTime<?> y) {
      return x.isEqual(y);
    }
    if (a instanceof OffsetTime x && b instanceof OffsetTime y) {
      return x.isEqual(y);
    }
    return a.equals(b);
  }

  static int temporalHash(Object a) {
    if (a instanceof OffsetDateTime x) {
      return x.toInstant().hashCode();
    }
    if (a instanceof ChronoZonedDateTime<?> x) {
      return x.toInstant().hashCode();
    }
    if (a instanceof OffsetTime x) {
      return Long.hashCode(x.toLocalTime().toNanoOfDay() - x.getOffset().getTotalSeconds() * 1_000_000_000L);
    }
    return a.hashCode();
  }

  static String canonicalTemporal(Object a) {
    if (a instanceof OffsetDateTime x) {
      return x.toInstant().toString();
    }
    if (a instanceof ChronoZonedDateTime<?> x) {
      return x.toInstant().toString();
    }
    return a.toString();
  }

  /** Equivalence of key values: numeric and temporal value semantics, else {@code equals}. */
  static boolean equivalent(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof String) {
      return a.equals(b);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return numbersEqual(x, y);
    }
    if (a instanceof java.time.temporal.TemporalAccessor || a instanceof java.time.temporal.TemporalAmount) {
      return temporalEqual(a, b);
    }
    return a.equals(b);
  }

  /** A hash consistent with {@link #equivalent}. */
  static int hash(Object a) {
    if (a == null) {
      return 0;
    }
    if (a instanceof Number n) {
      return numberHash(n);
    }
    if (a instanceof java.time.temporal.TemporalAccessor || a instanceof java.time.temporal.TemporalAmount) {
      return temporalHash(a);
    }
    return a.hashCode();
  }
}
