package dev.keel.engine.internal.check;

import dev.keel.engine.check.ExtensionFailure;
import dev.keel.engine.store.StoredResource;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import dev.keel.spi.model.SupportedKind;
import java.util.List;

/**
 * Stands in for the handler of a kind no extension handles (its plugin failed to load or was disabled),
 * so the resource's check ends in a clear error instead of disappearing.
 */
final class MissingHandler implements ResourceHandler<ResourceSpec, Object> {

  private final StoredResource stored;

  MissingHandler(StoredResource stored) {
    this.stored = stored;
  }

  private ExtensionFailure missing() {
    return new ExtensionFailure("handler", "No handler is registered for kind " + stored.resource().kind()
        + "; load and enable the plugin that handles it", null);
  }

  @Override
  @SuppressWarnings("unchecked")
  public SupportedKind<ResourceSpec> supportedKind() {
    return new SupportedKind<>(stored.resource().kind(), (Class<ResourceSpec>) stored.resource().spec().getClass());
  }

  @Override
  public Object desired(Resource<ResourceSpec> resource, ResourceContext context) {
    throw missing();
  }

  @Override
  public Object current(Resource<ResourceSpec> resource, ResourceContext context) {
    throw missing();
  }

  @Override
  public Actuation plan(Resource<ResourceSpec> resource, ResourceDiff<Object> diff, ResourceContext context) {
    throw missing();
  }

  @Override
  public List<Task> execute(Resource<ResourceSpec> resource, Actuation actuation, ResourceContext context) {
    throw missing();
  }
}
