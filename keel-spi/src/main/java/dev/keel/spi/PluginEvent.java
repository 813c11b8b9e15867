package dev.keel.spi;

import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * An event an extension publishes through {@link KeelContext#publish(PluginEvent)}; the engine adds it to
 * the history of the resource it names and passes it to the host's subscribers.
 *
 * @param source the extension that published it
 * @param type a short machine-readable type, such as {@code image-baked}
 * @param resourceId the resource it concerns, or null
 * @param message a human description
 * @param attributes further details, as strings
 */
public record PluginEvent(
    String source, String type, @Nullable String resourceId, String message, Map<String, String> attributes) {

  /** Checks for nulls and copies the attributes. */
  public PluginEvent {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
