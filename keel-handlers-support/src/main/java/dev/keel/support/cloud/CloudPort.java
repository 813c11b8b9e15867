package dev.keel.support.cloud;

import dev.keel.spi.KeelContext;
import dev.keel.spi.PluginUnavailableException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A cloud plugin's port, and where the plugin's extensions get it: the host's implementation, registered with
 * {@code KeelEngine.builder().service(type, cloud)}; or, only when the plugin's configuration says
 * {@value #SIMULATED}{@code : true}, the simulated cloud a simulator plugin offers. With neither, the plugin
 * cannot work here: every extension's constructor throws {@link PluginUnavailableException}, so the engine
 * reports the plugin once, saying how to provide a cloud, and registers none of its kinds. There is no silent
 * fallback to a simulator.
 *
 * @param type the port type, from the cloud's host-provided API jar
 * @param pluginId the plugin's id, such as {@code dev.keel.ec2}
 * @param cloudName the cloud's name for people, such as {@code EC2}
 * @param apiArtifact the Maven coordinates of the API jar, such as {@code dev.keel:keel-ec2-api}
 * @param simulatorPluginId the id of the plugin that simulates the cloud, such as {@code dev.keel.ec2-sim}
 * @param <T> the port type
 */
public record CloudPort<T>(Class<T> type, String pluginId, String cloudName, String apiArtifact,
    String simulatorPluginId) {

  /** The plugin setting that asks for the simulated cloud. */
  public static final String SIMULATED = "simulated";

  /** Checks for nulls. */
  public CloudPort {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(cloudName, "cloudName");
    Objects.requireNonNull(apiArtifact, "apiArtifact");
    Objects.requireNonNull(simulatorPluginId, "simulatorPluginId");
  }

  /**
   * The cloud an extension of the plugin talks to.
   *
   * @param context the extension's context
   * @return the host's cloud, or the simulated one when the configuration asks for it
   * @throws PluginUnavailableException if there is no such cloud, saying how to provide one, or the
   *     {@value #SIMULATED} setting is not a boolean
   */
  public T of(KeelContext context) {
    if (simulated(context)) {
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
        + SIMULATED + ": true" + (context.simulated(type).isPresent()
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
