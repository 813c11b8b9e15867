package dev.keel.spi;

/**
 * Thrown by an extension's constructor when its whole plugin cannot work in this host, such as a cloud plugin
 * with no cloud to talk to. The engine then registers none of the plugin's extensions (none of its kinds,
 * constraint types or verifications), reports the plugin once in its plugin failures with this message, and
 * loads the other plugins as usual. The message says what is missing and how to provide it.
 */
public class PluginUnavailableException extends KeelException {

  /**
   * An exception with a message.
   *
   * @param message what the plugin lacks and how the host provides it
   */
  public PluginUnavailableException(String message) {
    super(message);
  }
}
