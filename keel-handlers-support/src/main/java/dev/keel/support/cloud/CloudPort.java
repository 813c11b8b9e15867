package dev.keel.support.cloud;

import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginUnavailableException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.Nullable;

/**
 * A cloud plugin's port, and where the plugin's extensions get it: the host's implementation, registered with
 * {@code KeelEngine.builder().service(type, cloud)}; or, only when the plugin's configuration says
 * {@value #SIMULATED}{@code : true} (or {@value #CLOUD}{@code : simulated}), the simulated cloud a simulator plugin
 * offers; or, when it says {@value #CLOUD}{@code : spinnaker}, the plugin's adapter over a real Spinnaker
 * (Clouddriver and Orca, configured by the same settings). With none of these, the plugin
 * cannot work here: every extension's constructor throws {@link PluginUnavailableException}, so the engine
 * reports the plugin once, saying how to provide a cloud, and registers none of its kinds. There is no silent
 * fallback to a simulator.
 *
 * @param type the port type, from the cloud's host-provided API jar
 * @param pluginId the plugin's id, such as {@code dev.keel.ec2}
 * @param cloudName the cloud's name for people, such as {@code EC2}
 * @param apiArtifact the Maven coordinates of the API jar, such as {@code dev.keel:keel-ec2-api}
 * @param simulatorPluginId the id of the plugin that simulates the cloud, such as {@code dev.keel.ec2-sim}
 * @param spinnaker builds the cloud over a real Spinnaker from the plugin's context, or null when the plugin has
 *     no such adapter
 * @param <T> the port type
 */
public record CloudPort<T>(Class<T> type, String pluginId, String cloudName, String apiArtifact,
    String simulatorPluginId, @Nullable Function<KeelContext, T> spinnaker) {

  /** The plugin setting that asks for the simulated cloud. */
  public static final String SIMULATED = "simulated";

  /** The plugin setting that names the cloud: {@code spinnaker}, {@code simulated} or {@code host}. */
  public static final String CLOUD = "cloud";

  /** Checks for nulls. */
  public CloudPort {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(cloudName, "cloudName");
    Objects.requireNonNull(apiArtifact, "apiArtifact");
    Objects.requireNonNull(simulatorPluginId, "simulatorPluginId");
  }

  /**
   * A port without an adapter over Spinnaker.
   *
   * @param type the port type
   * @param pluginId the plugin's id
   * @param cloudName the cloud's name for people
   * @param apiArtifact the API jar's coordinates
   * @param simulatorPluginId the simulator plugin's id
   */
  public CloudPort(Class<T> type, String pluginId, String cloudName, String apiArtifact, String simulatorPluginId) {
    this(type, pluginId, cloudName, apiArtifact, simulatorPluginId, null);
  }

  /**
   * Whether the plugin's configuration asks for the adapter over a real Spinnaker ({@value #CLOUD}{@code :
   * spinnaker}).
   *
   * @param context the extension's context
   * @return true for Spinnaker
   * @throws PluginUnavailableException if {@value #CLOUD} names no known cloud
   */
  public boolean spinnaker(KeelContext context) {
    return "spinnaker".equals(cloud(context));
  }

  @Nullable
  private String cloud(KeelContext context) {
    Object value = context.config().get(CLOUD);
    if (value == null) {
      return null;
    }
    String name = value.toString().trim().toLowerCase(Locale.ROOT);
    if (!List.of("spinnaker", "simulated", "host").contains(name)) {
      throw new PluginUnavailableException("plugin " + pluginId + " setting " + CLOUD + " must be spinnaker,"
          + " simulated or host, not '" + value + "'");
    }
    return name;
  }

  /**
   * The cloud an extension of the plugin talks to.
   *
   * @param context the extension's context
   * @return the adapter over Spinnaker, the simulated cloud or the host's, as the configuration asks
   * @throws PluginUnavailableException if there is no such cloud, saying how to provide one, or a setting is
   *     wrong
   */
  public T of(KeelContext context) {
    if (spinnaker(context)) {
      if (spinnaker == null) {
        throw new PluginUnavailableException("plugin " + pluginId + " has no adapter over Spinnaker: remove "
            + CLOUD + ": spinnaker from its configuration");
      }
      return spinnaker.apply(context);
    }
    if (simulated(context) || "simulated".equals(cloud(context))) {
      return context.simulated(type).orElseThrow(() -> new PluginUnavailableException("plugin " + pluginId
          + " is configured with " + SIMULATED + ": true but no simulated " + cloudName + " is loaded: add the "
          + simulatorPluginId + " plugin zip to the plugins directory"));
    }
    Optional<T> hosts = context.service(type);
    if (hosts.isPresent()) {
      return hosts.get();
    }
    throw new PluginUnavailableException("plugin " + pluginId + " has no " + cloudName + " to talk to: register"
        + " one with KeelEngine.builder().service(" + type.getSimpleName() + ".class, cloud), implementing "
        + type.getName() + " from " + apiArtifact + " on the host's class path; or, to run on the simulated "
        + cloudName + ", load the " + simulatorPluginId + " plugin and configure plugin " + pluginId + " with "
        + SIMULATED + ": true" + (spinnaker == null ? "" : "; or, to talk to a real Spinnaker, configure plugin "
        + pluginId + " with " + CLOUD + ": spinnaker, clouddriverUrl and orcaUrl") + (context.simulated(type).isPresent()
            ? " (a simulated " + cloudName + " is loaded, but " + pluginId + " uses it only when configured so)"
            : ""));
  }

  private boolean simulated(KeelContext context) {
    Object value = context.config().get(SIMULATED);
    if (value == null || value instanceof Boolean) {
      return Boolean.TRUE.equals(value);
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    if (text.equals("true") || text.equals("false")) {
      return text.equals("true");
    }
    throw new PluginUnavailableException("plugin " + pluginId + " setting " + SIMULATED + " must be true or false,"
        + " not '" + value + "'");
  }
}
