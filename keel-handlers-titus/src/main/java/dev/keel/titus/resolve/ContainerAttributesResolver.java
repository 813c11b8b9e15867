package dev.keel.titus.resolve;

import dev.keel.spi.KeelContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.model.Resource;
import dev.keel.titus.api.TitusAccount;
import dev.keel.titus.api.TitusCloud;
import dev.keel.titus.api.spec.TitusClusterSpec;
import dev.keel.titus.api.spec.TitusKinds;
import dev.keel.titus.api.spec.TitusServerGroupSpec;
import dev.keel.titus.handler.TitusClouds;
import java.util.Map;
import java.util.TreeMap;
import org.pf4j.Extension;

/**
 * Keel's container attribute opinions: {@code titusParameter.agent.accountId} = the backing AWS account id,
 * {@code titusParameter.agent.assignIPv6Address = true} in accounts whose environment is {@code test}, and
 * per region {@code titusParameter.agent.subnets} from the plugin config
 * {@code subnets: {<account>-<region>: <subnet ids>}}. Attributes the spec sets are kept.
 */
@Extension
public final class ContainerAttributesResolver implements Resolver<TitusClusterSpec> {

  static final String ACCOUNT_ID = "titusParameter.agent.accountId";
  static final String IPV6 = "titusParameter.agent.assignIPv6Address";
  static final String SUBNETS = "titusParameter.agent.subnets";

  private final TitusCloud cloud;
  private final Map<String, String> subnets;

  /**
   * A resolver over the context's cloud and configuration.
   *
   * @param context the plugin's context
   */
  public ContainerAttributesResolver(KeelContext context) {
    this(TitusClouds.of(context), subnets(context.config().get("subnets")));
  }

  /**
   * A resolver over a cloud.
   *
   * @param cloud the cloud
   * @param subnets subnet ids by {@code <account>-<region>}
   */
  public ContainerAttributesResolver(TitusCloud cloud, Map<String, String> subnets) {
    this.cloud = cloud;
    this.subnets = Map.copyOf(subnets);
  }

  private static Map<String, String> subnets(Object config) {
    Map<String, String> out = new TreeMap<>();
    if (config instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  @Override
  public String name() {
    return "titus-container-attributes";
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return TitusKinds.isCluster(resource.kind());
  }

  @Override
  public Resource<TitusClusterSpec> resolve(Resource<TitusClusterSpec> resource, ResourceContext context) {
    TitusClusterSpec spec = resource.spec();
    String account = spec.locations().account();
    TitusAccount titus = cloud.account(account).orElse(null);
    TitusServerGroupSpec d = spec.defaults();
    Map<String, String> attrs = new TreeMap<>(d.containerAttributes() == null ? Map.of() : d.containerAttributes());
    if (titus != null) {
      attrs.putIfAbsent(ACCOUNT_ID, titus.awsAccountId());
      if ("test".equals(titus.environment())) {
        attrs.putIfAbsent(IPV6, "true");
      }
    }
    Map<String, TitusServerGroupSpec> overrides = new TreeMap<>(spec.overrides());
    for (String region : spec.locations().regionNames()) {
      String ids = subnets.get(account + "-" + region);
      if (ids == null) {
        continue;
      }
      TitusServerGroupSpec o = overrides.getOrDefault(region, TitusServerGroupSpec.EMPTY);
      Map<String, String> oa = new TreeMap<>(o.containerAttributes() == null ? Map.of() : o.containerAttributes());
      if (!attrs.containsKey(SUBNETS)) {
        oa.putIfAbsent(SUBNETS, ids);
      }
      overrides.put(region, o.withContainerAttributes(oa));
    }
    return resource.withSpec(spec.with(d.withContainerAttributes(attrs), overrides));
  }
}
