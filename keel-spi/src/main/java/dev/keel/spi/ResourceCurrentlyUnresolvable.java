package dev.keel.spi;

/**
 * Thrown by a resolver or {@link ResourceHandler#desired} when something the desired state needs is not
 * available yet, such as an approved artifact version or a baked image. Transient: the engine shows the
 * resource as waiting or currently unresolvable, records no error, and checks again later.
 */
public class ResourceCurrentlyUnresolvable extends KeelException {

  /**
   * An exception saying what is missing.
   *
   * @param message what the resource waits for
   */
  public ResourceCurrentlyUnresolvable(String message) {
    super(message);
  }

  /**
   * An exception saying what is missing, with a cause.
   *
   * @param message what the resource waits for
   * @param cause the underlying failure
   */
  public ResourceCurrentlyUnresolvable(String message, Throwable cause) {
    super(message, cause);
  }
}
