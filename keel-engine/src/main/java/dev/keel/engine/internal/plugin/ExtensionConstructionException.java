package dev.keel.engine.internal.plugin;

/** An extension could not be constructed; the message names the plugin, the class and the cause. */
final class ExtensionConstructionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ExtensionConstructionException(String message, Throwable cause) {
    super(message, cause);
  }

  ExtensionConstructionException(String message) {
    super(message);
  }
}
