package dev.keel.support.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A map of plain values, as a YAML or JSON parser gives them (strings, numbers, booleans, lists, maps), read
 * field by field with its path, so that every complaint names the bad value first and then says what was
 * expected: {@code serverGroups[0].capacity.desired: expected a whole number, got 'x'}. The path of a
 * section's root is empty, so its keys' paths are the bare key names.
 *
 * <p>Absent keys and keys whose value is null read the same: an optional read gives empty, a read with a
 * fallback gives the fallback, a required read fails. Every problem is an {@link IllegalArgumentException}.
 * Instances are immutable views over a copy of the map.
 */
public final class PlainMap {


  private final String path;
  private final Map<String, Object> values;

  private PlainMap(String path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * A section's root.
   *
   * @param values the section, or null for an empty one
   * @return the reader
   */
  public static PlainMap of(@Nullable Map<String, ?> values) {
    return of(values, "");
  }

  /**
   * A map at a path.
   *
   * @param values the map, or null for an empty one
   * @param path its path, such as {@code serverGroups[0]}; empty for a section's root
   * @return the reader
   */
  public static PlainMap of(@Nullable Map<?, ?> values, String path) {
    Map<String, Object> copy = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((k, v) -> copy.put(String.valueOf(k), v));
    }
    return new PlainMap(path, Collections.unmodifiableMap(copy));
  }

  /**
   * This map's path.
   *
   * @return the path, empty for a section's root
   */
  public String path() {
    return path;
  }

  /**
   * The path of one of this map's keys.
   *
   * @param key the key
   * @return {@code <path>.<key>}, or the key alone at the root
   */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The keys present, in the map's order (null values included).
   *
   * @return the keys
   */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values.keySet()));
  }

  /**
   * Whether a key has a value other than null.
   *
   * @param key the key
   * @return true if present and not null
   */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /**
   * Whether the map holds nothing.
   *
   * @return true if it has no keys
   */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /**
   * Checks that every key is one of the known ones.
   *
   * @param known the known keys
   * @return this
   * @throws IllegalArgumentException naming the first unknown key and listing the known ones
   */
  public PlainMap onlyKeys(String... known) {
    List<String> allowed = Arrays.asList(known);
    for (String key : values.keySet()) {
      if (!allowed.contains(key)) {
        throw problemAt(pathOf(key), "unknown key; expected one of " + String.join(", ", allowed));
      }
    }
    return this;
  }

  /**
   * A problem with one of this map's keys.
   *
   * @param key the key
   * @param message what is wrong, such as {@code expected one of a, b, got 'c'}
   * @return the exception, for the caller to throw
   */
  public IllegalArgumentException problem(String key, String message) {
    return problemAt(pathOf(key), message);
  }

  /**
   * A problem at a path.
   *
   * @param path the path of the bad value (empty for a section's root)
   * @param message what is wrong
   * @return the exception, for the caller to throw
   */
  public static IllegalArgumentException problemAt(String path, String message) {
    return new IllegalArgumentException(path.isEmpty() ? message : path + ": " + message);
  }

  // ---- strings -----------------------------------------------------------------------------------------

  /**
   * A required non-empty string. Whole numbers and booleans are taken as their text.
   *
   * @param key the key
   * @return the string
   */
  public String string(String key) {
    return optionalString(key).orElseThrow(() -> missing(key, "a string"));
  }

  /**
   * A non-empty string, or a fallback when absent.
   *
   * @param key the key
   * @param fallback the fallback
   * @return the string
   */
  public String string(String key, String fallback) {
    return optionalString(key).orElse(fallback);
  }

  /**
   * An optional non-empty string.
   *
   * @param key the key
   * @return the string, or empty when absent
   */
  public Optional<String> optionalString(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    return Optional.of(new PlainValue(v, pathOf(key)).asString());
  }

  // ---- numbers and booleans ----------------------------------------------------------------------------

  /**
   * A required whole number.
   *
   * @param key the key
   * @return the number
   */
  public int integer(String key) {
    return optionalInteger(key).orElseThrow(() -> missing(key, "a whole number"));
  }

  /**
   * A whole number, or a fallback when absent.
   *
   * @param key the key
   * @param fallback the fallback
   * @return the number
   */
  public int integer(String key, int fallback) {
    return optionalInteger(key).orElse(fallback);
  }

  /**
   * A whole number of at least some minimum, or a fallback when absent.
   *
   * @param key the key
   * @param fallback the fallback
   * @param min the least value accepted
   * @return the number
   */
  public int integer(String key, int fallback, int min) {
    int v = integer(key, fallback);
    if (v < min) {
      throw problem(key, "expected a whole number of at least " + min + ", got " + v);
    }
    return v;
  }

  /**
   * An optional whole number: an integral number, or a string holding one.
   *
   * @param key the key
   * @return the number, or empty when absent
   */
  public Optional<Integer> optionalInteger(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(new PlainValue(v, pathOf(key)).asInteger());
  }

  /**
   * A required boolean.
   *
   * @param key the key
   * @return the boolean
   */
  public boolean bool(String key) {
    Object v = values.get(key);
    if (v == null) {
      throw missing(key, "true or false");
    }
    return new PlainValue(v, pathOf(key)).asBoolean();
  }

  /**
   * A boolean, or a fallback when absent.
   *
   * @param key the key
   * @param fallback the fallback
   * @return the boolean
   */
  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    return v == null ? fallback : new PlainValue(v, pathOf(key)).asBoolean();
  }

  // ---- durations ---------------------------------------------------------------------------------------

  /**
   * A required duration.
   *
   * @param key the key
   * @return the duration
   * @see PlainValue#asDuration()
   */
  public Duration duration(String key) {
    return optionalDuration(key).orElseThrow(() -> missing(key, PlainValue.DURATION_EXAMPLES));
  }

  /**
   * A duration, or a fallback when absent.
   *
   * @param key the key
   * @param fallback the fallback
   * @return the duration
   */
  public Duration duration(String key, Duration fallback) {
    return optionalDuration(key).orElse(fallback);
  }

  /**
   * An optional duration.
   *
   * @param key the key
   * @return the duration, or empty when absent
   */
  public Optional<Duration> optionalDuration(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(new PlainValue(v, pathOf(key)).asDuration());
  }

  /**
   * A duration in the short form {@link PlainValue#asDuration} reads: {@code 1h30m}, {@code 90s}, {@code 500ms},
   * {@code 0s}.
   *
   * @param duration the duration, not negative
   * @return the text
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long days = duration.toDays();
    int hours = duration.toHoursPart();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    int millis = duration.toMillisPart();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (seconds > 0) {
      out.append(seconds).append('s');
    }
    if (millis > 0) {
      out.append(millis).append("ms");
    }
    return out.length() == 0 ? duration.toString() : out.toString();
  }

  // ---- lists and maps ----------------------------------------------------------------------------------

  /**
   * A list of non-empty strings; empty when absent.
   *
   * @param key the key
   * @return the strings
   */
  public List<String> strings(String key) {
    List<Object> raw = list(key);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(new PlainValue(raw.get(i), pathOf(key) + "[" + i + "]").asString());
    }
    return List.copyOf(out);
  }

  /**
   * A list of maps, each read at its own path ({@code key[i]}); empty when absent.
   *
   * @param key the key
   * @return the maps
   */
  public List<PlainMap> maps(String key) {
    List<Object> raw = list(key);
    List<PlainMap> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(new PlainValue(raw.get(i), pathOf(key) + "[" + i + "]").asMap());
    }
    return List.copyOf(out);
  }

  /**
   * A list of plain values; empty when absent.
   *
   * @param key the key
   * @return the values (nulls kept)
   */
  public List<Object> list(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw problem(key, "expected a list, got " + PlainValue.describe(v));
    }
    return Collections.unmodifiableList(new ArrayList<>(l));
  }

  /**
   * A nested map; an empty one when absent.
   *
   * @param key the key
   * @return the map, read at its own path
   */
  public PlainMap map(String key) {
    return optionalMap(key).orElseGet(() -> new PlainMap(pathOf(key), Map.of()));
  }

  /**
   * An optional nested map.
   *
   * @param key the key
   * @return the map, or empty when absent
   */
  public Optional<PlainMap> optionalMap(String key) {
    Object v = values.get(key);
    return v == null ? Optional.empty() : Optional.of(new PlainValue(v, pathOf(key)).asMap());
  }

  /**
   * A map of strings to strings (values may be strings, whole numbers or booleans); empty when absent.
   *
   * @param key the key
   * @return the map, in its order
   */
  public Map<String, String> stringMap(String key) {
    PlainMap m = map(key);
    Map<String, String> out = new LinkedHashMap<>();
    m.values.forEach((k, v) -> out.put(k, new PlainValue(v, m.pathOf(k)).asString()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The raw value of a key.
   *
   * @param key the key
   * @return the value, or empty when absent or null
   */
  public Optional<Object> raw(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * This map as plain values.
   *
   * @return an unmodifiable copy
   */
  public Map<String, Object> asPlainMap() {
    return values;
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  private IllegalArgumentException missing(String key, String expected) {
    return problem(key, "expected " + expected + ", got nothing");
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + "=" + values;
  }
}
