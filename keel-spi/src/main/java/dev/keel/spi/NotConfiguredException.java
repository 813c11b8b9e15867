package dev.keel.spi;

/**
 * Thrown by an extension's constructor when its plugin's configuration does not ask for it, such as an
 * extension that works only against a real Spinnaker in a plugin configured for the simulated cloud. The engine
 * skips this extension alone, quietly (it is logged at debug level, not reported as a failure), and keeps the
 * plugin's other extensions. To say that the whole plugin cannot work here, throw
 * {@link PluginUnavailableException} instead.
 */
public class NotConfiguredException extends KeelException {

  /**
   * An exception with a message.
   *
   * @param message which setting would enable the extension
   */
  public NotConfiguredException(String message) {
    super(message);
  }
}
