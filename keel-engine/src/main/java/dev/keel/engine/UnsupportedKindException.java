package dev.keel.engine;

import dev.keel.spi.KeelException;
import dev.keel.spi.model.ResourceKind;

/** A delivery config holds a resource of a kind no handler of this engine supports. Nothing was stored. */
public class UnsupportedKindException extends KeelException {

  /**
   * An exception naming the kind and the resource.
   *
   * @param kind the unsupported kind
   * @param resourceId the resource
   */
  public UnsupportedKindException(ResourceKind kind, String resourceId) {
    super("No handler supports kind " + kind + " of resource " + resourceId
        + "; register the handler or load the plugin that provides it");
  }
}
