package dev.keel.engine.internal.plugin;

import dev.keel.spi.ResourceContext;
import dev.keel.spi.Veto;
import dev.keel.spi.VetoResponse;
import dev.keel.spi.model.Resource;
import org.pf4j.Extension;

/** An extension on the host's classpath (indexed by PF4J's annotation processor at test-compile time). */
@Extension
public class HostVeto implements Veto {

  @Override
  public String name() {
    return "host-veto";
  }

  @Override
  public VetoResponse check(Resource<?> resource, ResourceContext context) {
    return VetoResponse.allow();
  }
}
