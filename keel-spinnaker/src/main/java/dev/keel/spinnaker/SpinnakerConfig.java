package dev.keel.spinnaker;

import dev.keel.spi.PluginUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * A cloud plugin's settings for a real Spinnaker, read from its configuration ({@code KeelContext.config()}, which
 * a Spinnaker host binds from {@code spinnaker.extensibility.plugins.<id>.config}).
 *
 * <p>Durations are ISO-8601 ({@code PT30S}), a number with a unit ({@code 500ms}, {@code 30s}, {@code 2m},
 * {@code 1h}) or a plain number of milliseconds. Every HTTP call is bounded by its own timeout: a read by
 * {@code readTimeout} per attempt, at most {@code readAttempts} attempts with back-off in between, a submission by
 * {@code opsTimeout}. Keep {@code readAttempts × (connectTimeout + readTimeout)} and
 * {@code connectTimeout + opsTimeout} under the engine's call deadline ({@code EngineConfig.callTimeout}, two
 * minutes by default); the engine also interrupts a call at its deadline, which abandons the request.
 *
 * @param clouddriverUrl Clouddriver's base URL, or null when the host provides the transport
 * @param orcaUrl Orca's base URL, or null when the host provides the transport
 * @param user the {@code X-SPINNAKER-USER} of calls made for no resource's service account
 * @param userOrigin the {@code X-SPINNAKER-USER-ORIGIN} header
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long one read waits for its whole response
 * @param opsTimeout how long a task submission ({@code POST /ops}) waits
 * @param readAttempts how many times a read is tried (connect errors, 429, 502, 503, 504)
 * @param trustStore a trust store file for TLS, or null for the JDK's
 * @param trustStorePassword its password, or null
 * @param keyStore a key store file for mutual TLS, or null
 * @param keyStorePassword its password, or null
 * @param dockerRegistry the Clouddriver docker registry account the Docker artifact supplier reads, or null for
 *     every registry
 * @param baseImages the current base image of each operating system and label ({@code os -> label -> name}):
 *     Spinnaker has no such catalog, Keel took it from its own configuration; unused when the host registers a
 *     {@code dev.keel.ec2.api.BaseImageSource}
 * @param defaultSecurityGroups the security groups this Spinnaker's Orca adds to every server group it deploys
 *     (Orca's {@code default.securityGroups}, {@code nf-infrastructure} and {@code nf-datacenter} unless changed): Keel
 *     leaves them out of a deploy's body, and a cluster's desired state has those of them that exist
 */
public record SpinnakerConfig(@Nullable URI clouddriverUrl, @Nullable URI orcaUrl, String user, String userOrigin,
    Duration connectTimeout, Duration readTimeout, Duration opsTimeout, int readAttempts, @Nullable String trustStore,
    @Nullable String trustStorePassword, @Nullable String keyStore, @Nullable String keyStorePassword,
    @Nullable String dockerRegistry, Map<String, Map<String, String>> baseImages,
    List<String> defaultSecurityGroups) {

  /** Keel's default service account, {@value}. */
  public static final String DEFAULT_USER = "keel@spinnaker.io";

  /** The settings this record reads, beside {@code cloud: spinnaker}. */
  public static final Set<String> KEYS = Collections.unmodifiableSet(new TreeSet<>(List.of("clouddriverUrl",
      "orcaUrl", "user", "userOrigin", "connectTimeout", "readTimeout", "opsTimeout", "readAttempts", "trustStore",
      "trustStorePassword", "keyStore", "keyStorePassword", "dockerRegistry", "baseImages",
      "defaultSecurityGroups")));

  /**
   * The groups Orca adds to every deploy unless configured otherwise ({@code default.securityGroups}):
   * {@code nf-infrastructure} and {@code nf-datacenter}.
   */
  public static final List<String> ORCA_DEFAULT_SECURITY_GROUPS = List.of("nf-infrastructure", "nf-datacenter");

  private static final Pattern WITH_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  /** Checks the values. */
  public SpinnakerConfig {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(userOrigin, "userOrigin");
    for (Duration d : List.of(connectTimeout, readTimeout, opsTimeout)) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("Spinnaker timeouts must be positive, got " + d);
      }
    }
    if (readAttempts < 1) {
      throw new IllegalArgumentException("readAttempts must be at least 1, got " + readAttempts);
    }
    Map<String, Map<String, String>> images = new LinkedHashMap<>();
    baseImages.forEach((os, labels) -> images.put(os, Map.copyOf(labels)));
    baseImages = Collections.unmodifiableMap(images);
    defaultSecurityGroups = List.copyOf(defaultSecurityGroups);
    for (String group : defaultSecurityGroups) {
      if (group.isBlank()) {
        throw new IllegalArgumentException("defaultSecurityGroups must name groups, got a blank name");
      }
    }
  }

  /**
   * Settings with Keel's defaults and the two base URLs.
   *
   * @param clouddriverUrl Clouddriver's base URL, or null
   * @param orcaUrl Orca's base URL, or null
   * @return the settings
   */
  public static SpinnakerConfig defaults(@Nullable URI clouddriverUrl, @Nullable URI orcaUrl) {
    return new SpinnakerConfig(clouddriverUrl, orcaUrl, DEFAULT_USER, "keel", Duration.ofSeconds(5),
        Duration.ofSeconds(30), Duration.ofSeconds(60), 3, null, null, null, null, null, Map.of(),
        ORCA_DEFAULT_SECURITY_GROUPS);
  }

  /**
   * These settings with other default security groups.
   *
   * @param groups the groups Orca adds to every deploy
   * @return the settings
   */
  public SpinnakerConfig withDefaultSecurityGroups(List<String> groups) {
    return new SpinnakerConfig(clouddriverUrl, orcaUrl, user, userOrigin, connectTimeout, readTimeout, opsTimeout,
        readAttempts, trustStore, trustStorePassword, keyStore, keyStorePassword, dockerRegistry, baseImages, groups);
  }

  /**
   * Reads a plugin's settings.
   *
   * @param config the plugin's configuration
   * @param pluginId the plugin, for messages
   * @param urlsRequired whether the base URLs must be given (no host transport)
   * @return the settings
   * @throws PluginUnavailableException naming the setting that is missing or wrong and what it takes
   */
  public static SpinnakerConfig from(Map<String, Object> config, String pluginId, boolean urlsRequired) {
    Reader r = new Reader(config, pluginId);
    SpinnakerConfig d = defaults(null, null);
    try {
      return new SpinnakerConfig(r.url("clouddriverUrl", urlsRequired), r.url("orcaUrl", urlsRequired),
          r.text("user", d.user()), r.text("userOrigin", d.userOrigin()),
          r.duration("connectTimeout", d.connectTimeout()), r.duration("readTimeout", d.readTimeout()),
          r.duration("opsTimeout", d.opsTimeout()), r.integer("readAttempts", d.readAttempts()),
          r.text("trustStore", null), r.text("trustStorePassword", null), r.text("keyStore", null),
          r.text("keyStorePassword", null), r.text("dockerRegistry", null), r.baseImages(),
          r.names("defaultSecurityGroups", d.defaultSecurityGroups()));
    } catch (IllegalArgumentException e) {
      throw new PluginUnavailableException("plugin " + pluginId + " with cloud: spinnaker: " + e.getMessage());
    }
  }

  /** Reads plain values, naming the setting in every complaint. */
  private record Reader(Map<String, Object> config, String pluginId) {

    private PluginUnavailableException wrong(String key, String expected) {
      return new PluginUnavailableException("plugin " + pluginId + " with cloud: spinnaker: setting " + key
          + " must be " + expected + ", not '" + config.get(key) + "'");
    }

    @Nullable
    URI url(String key, boolean required) {
      Object value = config.get(key);
      if (value == null || value.toString().isBlank()) {
        if (required) {
          throw new PluginUnavailableException("plugin " + pluginId + " with cloud: spinnaker needs " + key
              + " (such as http://" + key.replace("Url", "").toLowerCase(Locale.ROOT) + ":"
              + (key.startsWith("orca") ? "8083" : "7002") + "), or a host that registers an HttpTransport with"
              + " KeelEngine.builder().service(HttpTransport.class, transport)");
        }
        return null;
      }
      try {
        URI uri = URI.create(value.toString().trim());
        if (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
          throw wrong(key, "an http or https URL");
        }
        return uri;
      } catch (IllegalArgumentException e) {
        throw wrong(key, "an http or https URL");
      }
    }

    @Nullable
    String text(String key, @Nullable String fallback) {
      Object value = config.get(key);
      return value == null ? fallback : value.toString();
    }

    int integer(String key, int fallback) {
      Object value = config.get(key);
      if (value == null) {
        return fallback;
      }
      try {
        return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
      } catch (NumberFormatException e) {
        throw wrong(key, "a whole number");
      }
    }

    Duration duration(String key, Duration fallback) {
      Object value = config.get(key);
      if (value == null) {
        return fallback;
      }
      if (value instanceof Duration d) {
        return d;
      }
      if (value instanceof Number n) {
        return Duration.ofMillis(n.longValue());
      }
      String text = value.toString().trim();
      Matcher m = WITH_UNIT.matcher(text);
      if (m.matches()) {
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      try {
        return text.matches("\\d+") ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw wrong(key, "a duration such as 30s, 500ms or PT30S");
      }
    }

    List<String> names(String key, List<String> fallback) {
      Object value = config.get(key);
      if (value == null) {
        return fallback;
      }
      List<String> out = new java.util.ArrayList<>();
      if (value instanceof java.util.Collection<?> items) {
        items.forEach(i -> out.add(String.valueOf(i).trim()));
      } else if (value instanceof Map<?, ?> indexed) {
        // a Spring host may bind a YAML list to {0: a, 1: b}
        Map<Integer, String> byIndex = new java.util.TreeMap<>();
        for (var e : indexed.entrySet()) {
          try {
            byIndex.put(Integer.parseInt(String.valueOf(e.getKey()).trim()), String.valueOf(e.getValue()).trim());
          } catch (NumberFormatException notAList) {
            throw wrong(key, "a list of security group names (or a comma-separated string; [] for none)");
          }
        }
        out.addAll(byIndex.values());
      } else if (!value.toString().isBlank()) {
        for (String part : value.toString().split(",")) {
          out.add(part.trim());
        }
      }
      if (out.stream().anyMatch(String::isBlank)) {
        throw wrong(key, "a list of security group names (or a comma-separated string; [] for none)");
      }
      return out;
    }

    Map<String, Map<String, String>> baseImages() {
      Object value = config.get("baseImages");
      if (value == null) {
        return Map.of();
      }
      if (!(value instanceof Map<?, ?> byOs)) {
        throw wrong("baseImages", "a map of operating system to label to base image name");
      }
      Map<String, Map<String, String>> out = new LinkedHashMap<>();
      for (var os : byOs.entrySet()) {
        if (!(os.getValue() instanceof Map<?, ?> byLabel)) {
          throw wrong("baseImages", "a map of operating system to label to base image name");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        byLabel.forEach((label, name) -> labels.put(String.valueOf(label), String.valueOf(name)));
        out.put(String.valueOf(os.getKey()), labels);
      }
      return out;
    }
  }
}
