package dev.keel.titus.resolve;

import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/** Keel's environment opinion: {@code SPINNAKER_ACCOUNT} = the cluster's account, unless the spec sets it. */
@Extension
public final class EnvironmentVariablesResolver implements Resolver<TitusClusterSpec> {

  /** Creates the resolver. */
  public EnvironmentVariablesResolver() {}

  @Override
  public String name() {
    return "titus-environment";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return TitusKinds.isCluster(resource.kind());
  }

  @Override
  public Resource<TitusClusterSpec> resolve(Resource<TitusClusterSpec> resource, ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    TitusServerGroupSpec d = spec.defaults();
    Map<String, String> env = new TreeMap<>(d.env() == null ? Map.of() : d.env());
    env.putIfAbsent("SPINNAKER_ACCOUNT", spec.locations().account());
    return resource.withSpec(spec.with(d.withEnv(env), spec.overrides()));
  }
}
