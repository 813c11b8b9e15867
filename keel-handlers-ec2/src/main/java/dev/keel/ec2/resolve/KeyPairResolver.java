package dev.keel.ec2.resolve;

import dev.keel.ec2.api.Catalog;
import dev.keel.ec2.api.Ec2Cloud;
import dev.keel.ec2.api.spec.Ec2ClusterSpec;
import dev.keel.ec2.api.spec.Ec2Kinds;
import dev.keel.ec2.api.spec.LaunchConfigurationSpec;
import dev.keel.ec2.api.spec.ServerGroupSpec;
import dev.keel.ec2.handler.Ec2Clouds;
import dev.keel.spi.KeelContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Resource;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Gives a cluster without a key pair its account's default key pair. A default with {@code {{region}}} is
 * written per region; unlike Keel, a key pair in the cluster-wide launch configuration is never shadowed.
 */
@Extension
public final class KeyPairResolver implements Resolver<Ec2ClusterSpec> {

  private final Ec2Cloud cloud;

  /**
   * A resolver over the context's cloud.
   *
   * @param context the plugin's context
   */
  public KeyPairResolver(KeelContext context) {
    this(Ec2Clouds.of(context));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   */
  public KeyPairResolver(Ec2Cloud cloud) {
    this.cloud = cloud;
  }

  @Override
  public String name() {
    return "ec2-key-pair";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return Ec2Kinds.is(resource.kind(), Ec2Kinds.CLUSTER);
  }

  @Override
  public Resource<Ec2ClusterSpec> resolve(Resource<Ec2ClusterSpec> resource, ResourceContext context) {
    Ec2ClusterSpec spec = resource.spec();
    ServerGroupSpec defaults = spec.defaults();
    LaunchConfigurationSpec dl = defaults.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY
        : defaults.launchConfiguration();
    if (dl.keyPair() != null) {
      return resource;
    }
    var account = cloud.account(spec.locations().account()).map(Catalog.Account::defaultKeyPair);
    if (account.isEmpty()) {
      return resource;
    }
    String template = account.get();
    if (!template.contains("{{region}}")) {
      return resource.withSpec(spec.with(defaults.withLaunchConfiguration(dl.withKeyPair(template)), spec.overrides()));
    }
    Map<String, ServerGroupSpec> overrides = new TreeMap<>(spec.overrides());
    for (String region : spec.locations().regionNames()) {
      ServerGroupSpec o = overrides.getOrDefault(region, ServerGroupSpec.EMPTY);
      LaunchConfigurationSpec lc = o.launchConfiguration() == null ? LaunchConfigurationSpec.EMPTY : o.launchConfiguration();
      if (lc.keyPair() == null) {
        overrides.put(region, o.withLaunchConfiguration(lc.withKeyPair(template.replace("{{region}}", region))));
      }
    }
    return resource.withSpec(spec.with(defaults, overrides));
  }
}
