package dev.keel.resolvers;

import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.SpecCodec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pf4j.Extension;

/**
 * Applies operators' rules to specs: "every ec2/cluster in production has at least 3 instances",
 * "migrate m4.large to m5.large everywhere". Rules come from the plugin configuration's {@code policies}
 * list (see {@link PolicyRules}) and are validated when the resolver is built; they apply in order, each
 * to the resources its selector picks. Pure: the same spec always resolves the same way.
 */
@Extension
public final class PolicyResolver implements Resolver<ResourceSpec> {

  /** The resolver's name, {@value}. */
  public static final String NAME = "policy";

  private final List<PolicyRule> rules;
  private final SpecCodec codec;

  /**
   * A resolver configured by the engine: rules from {@code config().get("policies")}.
   *
   * @param context the engine's context; it must offer a spec codec
   * @throws PolicyException if the rules are invalid
   */
  public PolicyResolver(KeelContext context) {
    this(PolicyRules.parse(context.config().get("policies")), context.specCodec()
        .orElseThrow(() -> new IllegalStateException("PolicyResolver needs the engine's SpecCodec")));
  }

  /**
   * A resolver with given rules.
   *
   * @param rules the rules, applied in order
   * @param codec converts specs to plain values and back
   */
  public PolicyResolver(List<PolicyRule> rules, SpecCodec codec) {
    this.rules = List.copyOf(rules);
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** After the artifact version, before handler-specific resolvers. */
  @Override
  public int order() {
    return -500;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return rules.stream().anyMatch(r -> r.select().matches(resource));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    Map<String, Object> values = codec.toMap(resource.spec());
    boolean changed = false;
    for (PolicyRule rule : rules) {
      if (!rule.select().matches(resource)) {
        continue;
      }
      Object current = Pointers.get(values, rule.action().path());
      Object next = rule.action().apply(current);
      if (next != current) {
        values = Pointers.set(values, rule.action().path(), next);
        changed = true;
      }
    }
    if (!changed) {
      return resource;
    }
    ResourceSpec spec = codec.fromMap(values, (Class<ResourceSpec>) resource.spec().getClass());
    return resource.withSpec(spec);
  }
}
