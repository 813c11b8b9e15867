package dev.keel.engine.internal.plugin;

/** A plugin's {@code Plugin-Class} cannot be loaded or constructed; the message is the reason. */
final class PluginClassException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  PluginClassException(String message, Throwable cause) {
    super(message, cause);
  }

  PluginClassException(String message) {
    super(message);
  }
}
