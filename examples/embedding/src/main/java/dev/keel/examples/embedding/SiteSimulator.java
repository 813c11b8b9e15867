package dev.keel.examples.embedding;

import dev.keel.spi.Simulator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * The {@link SiteHost} as a host drives it from a scenario ({@code sites} in its {@code clouds} map): seeds sites
 * that exist before the engine starts, and plays changes made by hand. Everything arrives as plain values, so a
 * host such as the keel CLI needs none of the example's classes.
 *
 * <p>Its section of a scenario, and the arguments of its one action, {@code edit}:
 *
 * <pre>{@code
 * sites:
 * - {hostname: www.fnord.example.com, bundle: 0.9.0, cacheTtlSeconds: 300}
 *
 * edit: {hostname: www.fnord.example.com, cacheTtlSeconds: 5}
 * }</pre>
 */
public final class SiteSimulator implements Simulator {

  private static final Map<String, String> ACTIONS = Map.of(
      "edit", "{hostname, bundle, cacheTtlSeconds}: someone changes a site by hand; omitted values stay");

  private final SiteHost host;

  /**
   * A simulator of a host.
   *
   * @param host the host the example's handler manages
   */
  public SiteSimulator(SiteHost host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  @Override
  public String name() {
    return "sites";
  }

  @Override
  public void seed(Map<String, Object> section) {
    only(section, Set.of("sites"), "");
    Object sites = section.getOrDefault("sites", List.of());
    if (!(sites instanceof List<?> list)) {
      throw new IllegalArgumentException("sites: expected a list of {hostname, bundle, cacheTtlSeconds}");
    }
    for (int i = 0; i < list.size(); i++) {
      String path = "sites[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> site)) {
        throw new IllegalArgumentException(path + ": expected a mapping {hostname, bundle, cacheTtlSeconds}");
      }
      only(site, Set.of("hostname", "bundle", "cacheTtlSeconds"), path + ".");
      host.changeByHand(text(site, "hostname", path), new SiteState(text(site, "bundle", path),
          number(site, "cacheTtlSeconds", path, SiteSpec.DEFAULT_CACHE_TTL)));
    }
  }

  @Override
  public Map<String, String> actions() {
    return ACTIONS;
  }

  @Override
  public String apply(String action, Map<String, Object> arguments) {
    if (!action.equals("edit")) {
      throw new IllegalArgumentException("Unknown action '" + action + "'; the sites simulator knows " + ACTIONS.keySet());
    }
    only(arguments, Set.of("hostname", "bundle", "cacheTtlSeconds"), "");
    String hostname = text(arguments, "hostname", "");
    SiteState now = host.site(hostname)
        .orElseThrow(() -> new IllegalArgumentException("hostname: no site " + hostname + " to edit"));
    String bundle = arguments.containsKey("bundle") ? text(arguments, "bundle", "") : now.bundle();
    SiteState edited = new SiteState(bundle, number(arguments, "cacheTtlSeconds", "", now.cacheTtlSeconds()));
    host.changeByHand(hostname, edited);
    return hostname + " now serves " + edited.bundle() + " cached " + edited.cacheTtlSeconds() + "s";
  }

  private static void only(Map<?, ?> values, Set<String> known, String prefix) {
    for (Object key : values.keySet()) {
      if (!known.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(prefix + key + ": unknown; expected one of " + known.stream().sorted().toList());
      }
    }
  }

  private static String text(Map<?, ?> values, String key, String path) {
    Object value = values.get(key);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(at(path, key) + ": expected a non-blank string, got " + value);
    }
    return s;
  }

  private static int number(Map<?, ?> values, String key, String path, int fallback) {
    @Nullable Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer n) || n < 0) {
      throw new IllegalArgumentException(at(path, key) + ": expected a whole number of seconds, got " + value);
    }
    return n;
  }

  private static String at(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
