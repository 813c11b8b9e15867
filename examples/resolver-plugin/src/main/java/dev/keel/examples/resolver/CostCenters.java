package dev.keel.examples.resolver;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Which cost center each application's clusters are tagged with, as the host configures the
 * {@code dev.keel.example-resolvers} plugin:
 *
 * <pre>{@code
 * costCenters:              # application -> cost center
 *   fnord: cc-1234
 * defaultCostCenter: cc-0000   # optional: applications not listed; without it they are left alone
 * kinds: [ec2/cluster, titus/cluster]   # optional, these by default: kinds with a top-level tags map
 * tag: costCenter           # optional, this by default
 * }</pre>
 *
 * @param byApplication cost center by application
 * @param defaultCostCenter the cost center of applications not listed, or null to leave them alone
 * @param kinds the kinds to tag, as {@code group/kind} (any version)
 * @param tag the tag's key
 */
public record CostCenters(Map<String, String> byApplication, @Nullable String defaultCostCenter, Set<String> kinds,
    String tag) {

  /** The kinds tagged when the configuration names none. */
  public static final Set<String> DEFAULT_KINDS = Set.of("ec2/cluster", "titus/cluster");

  /** The tag's key when the configuration names none, {@value}. */
  public static final String DEFAULT_TAG = "costCenter";

  private static final Set<String> KEYS = Set.of("costCenters", "defaultCostCenter", "kinds", "tag");
  private static final Pattern GROUP_KIND = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+");

  /** Checks the values and copies the collections. */
  public CostCenters {
    byApplication = Map.copyOf(byApplication);
    kinds = Set.copyOf(kinds);
    Objects.requireNonNull(tag, "tag");
    for (String kind : kinds) {
      if (!GROUP_KIND.matcher(kind).matches()) {
        throw new IllegalArgumentException("kinds: '" + kind + "' is not a group/kind such as ec2/cluster");
      }
    }
  }

  /**
   * Reads the plugin's configuration.
   *
   * @param config the configuration, as {@link dev.keel.spi.KeelContext#config()} gives it
   * @return the cost centers
   * @throws IllegalArgumentException naming the setting that is wrong
   */
  public static CostCenters parse(Map<String, Object> config) {
    for (String key : config.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown setting '" + key + "' of plugin dev.keel.example-resolvers; known: "
            + KEYS.stream().sorted().toList());
      }
    }
    Map<String, String> byApplication = new LinkedHashMap<>();
    Object centers = config.getOrDefault("costCenters", Map.of());
    if (!(centers instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("costCenters must map applications to cost centers");
    }
    map.forEach((app, center) -> byApplication.put(String.valueOf(app), text(center, "costCenters." + app)));
    Object fallback = config.get("defaultCostCenter");
    Set<String> kinds = new LinkedHashSet<>();
    Object declared = config.get("kinds");
    if (declared == null) {
      kinds.addAll(DEFAULT_KINDS);
    } else if (declared instanceof List<?> list) {
      list.forEach(k -> kinds.add(text(k, "kinds")));
    } else {
      throw new IllegalArgumentException("kinds must be a list such as [ec2/cluster, titus/cluster]");
    }
    Object tag = config.get("tag");
    return new CostCenters(byApplication, fallback == null ? null : text(fallback, "defaultCostCenter"), kinds,
        tag == null ? DEFAULT_TAG : text(tag, "tag"));
  }

  private static String text(@Nullable Object value, String setting) {
    if (value instanceof Number n) {
      return n.toString(); // cost centers are often numbers, written unquoted in YAML
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalArgumentException(setting + " must be a non-blank string; got " + value);
    }
    return s;
  }

  /**
   * The cost center of an application.
   *
   * @param application the application
   * @return its cost center, the default, or empty when there is neither
   */
  public Optional<String> of(String application) {
    return Optional.ofNullable(byApplication.getOrDefault(application, defaultCostCenter));
  }
}
