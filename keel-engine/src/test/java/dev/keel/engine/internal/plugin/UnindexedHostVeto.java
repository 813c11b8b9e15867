package dev.keel.engine.internal.plugin;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Resource;

/** A host extension that no build-time index lists; a test lists it in an index of its own. */
public class UnindexedHostVeto implements Veto {

  @Override
  public String name() {
    return "unindexed-host-veto";
  }

  @Override
  public VetoResponse check(Resource<?> resource, ResourceContext context) {
    return VetoResponse.allow();
  }
}
