package dev.keel.testplugin;

import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.ResourceHandler;
import dev.keel.spi.actuation.Actuation;
import dev.keel.spi.actuation.Task;
import dev.keel.spi.diff.ResourceDiff;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.SupportedKind;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;
import org.pf4j.Extension;

/**
 * Handles {@code test/widget@v1}; it takes the engine's context in its constructor. A widget that runs an
 * artifact exists at no version, and is desired at the version the artifact view of that context says its
 * environment should run.
 */
@Extension
public class WidgetHandler implements ResourceHandler<WidgetSpec, WidgetSpec> {

  /** The kind this handler supports. */
  public static final String KIND = "test/widget@v1";

  private final KeelContext context;

  /**
   * Creates the handler.
   *
   * @param context the engine's context
   */
  public WidgetHandler(KeelContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * The context this handler was constructed with.
   *
   * @return the context
   */
  public KeelContext context() {
    return context;
  }

  @Override
  public SupportedKind<WidgetSpec> supportedKind() {
    return SupportedKind.of(KIND, WidgetSpec.class);
  }

  @Override
  public WidgetSpec desired(Resource<WidgetSpec> resource, ResourceContext ctx) {
    WidgetSpec spec = resource.spec();
    if (spec.artifactReference() == null) {
      return spec;
    }
    return context.artifacts().desiredVersion(ctx.deliveryConfig(), ctx.environment(), spec.artifactReference())
        .map(spec::withArtifactVersion).orElse(spec);
  }

  @Nullable
  @Override
  public WidgetSpec current(Resource<WidgetSpec> resource, ResourceContext ctx) {
    // A widget that runs an artifact exists, at no version yet; other widgets do not exist.
    return resource.spec().artifactReference() == null ? null : resource.spec();
  }

  @Override
  public Actuation plan(Resource<WidgetSpec> resource, ResourceDiff<WidgetSpec> diff, ResourceContext ctx) {
    return Actuation.none();
  }

  @Override
  public List<Task> execute(Resource<WidgetSpec> resource, Actuation actuation, ResourceContext ctx) {
    return List.of();
  }
}
