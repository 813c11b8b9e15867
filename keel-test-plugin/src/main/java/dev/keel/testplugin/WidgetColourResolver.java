package dev.keel.testplugin;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.model.Resource;
import org.pf4j.Extension;

/** Gives widgets without a colour the colour {@code grey}; it has only a no-argument constructor. */
@Extension
public class WidgetColourResolver implements Resolver<WidgetSpec> {

  /** Creates the resolver. */
  public WidgetColourResolver() {}

  @Override
  public String name() {
    return "widget-colour";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return resource.spec() instanceof WidgetSpec;
  }

  @Override
  public Resource<WidgetSpec> resolve(Resource<WidgetSpec> resource, ResourceContext context) {
    WidgetSpec spec = resource.spec();
    if (spec.colour() != null) {
      return resource;
    }
    return new Resource<>(resource.kind(), resource.metadata(), spec.withColour("grey"));
  }
}
