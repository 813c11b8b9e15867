package dev.keel.examples.resolver;

import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.SpecCodec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * An organisation's opinion, applied to every cluster: it carries its application's cost center as a tag. A spec
 * that sets the tag itself keeps its own value; every other cluster of a configured kind gets the tag on its way
 * to the desired state, and a plan shows the resolver's change: {@code /tags/costCenter}, or {@code /tags} for a
 * spec that had no tags at all.
 *
 * <p>The resolver knows no cluster class: it edits the spec as plain values through the engine's
 * {@link SpecCodec}, at the top-level {@code tags} map that {@code ec2/cluster} and {@code titus/cluster} share,
 * and has the codec build a spec of the same class again. Pure: the same spec always resolves the same way.
 */
@Extension
public final class CostCenterTagResolver implements Resolver<ResourceSpec> {

  /** The resolver's name, {@value}; {@code EngineConfig.disabledResolvers} turns it off by this name. */
  public static final String NAME = "cost-center-tag";

  private final CostCenters costCenters;
  private final SpecCodec codec;

  /**
   * The resolver as the engine builds it, configured from the plugin's configuration.
   *
   * @param context the engine's context
   * @throws IllegalArgumentException if the configuration is invalid; the engine then reports the extension in
   *     its plugin failures and runs without it
   */
  public CostCenterTagResolver(KeelContext context) {
    this(CostCenters.parse(context.config()), context.specCodec()
        .orElseThrow(() -> new IllegalStateException(NAME + " needs the engine's SpecCodec")));
  }

  /**
   * A resolver with given cost centers.
   *
   * @param costCenters who pays for what
   * @param codec turns specs into plain values and back
   */
  public CostCenterTagResolver(CostCenters costCenters, SpecCodec codec) {
    this.costCenters = Objects.requireNonNull(costCenters, "costCenters");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public String name() {
    return NAME;
  }

  /** After the artifact version (-1000), operator policies (-500) and the plugins' own resolvers (0). */
  @Override
  public int order() {
    return 100;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    String groupAndKind = resource.kind().group() + "/" + resource.kind().kind();
    return costCenters.kinds().contains(groupAndKind) && costCenters.of(resource.application()).isPresent();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    Optional<String> costCenter = costCenters.of(resource.application());
    if (costCenter.isEmpty()) {
      return resource;
    }
    Map<String, Object> values = new LinkedHashMap<>(codec.toMap(resource.spec()));
    Object tags = values.get("tags");
    if (tags != null && !(tags instanceof Map)) {
      throw new IllegalStateException(resource.kind() + " has a 'tags' property that is not a map; remove the kind"
          + " from the kinds setting of plugin dev.keel.example-resolvers");
    }
    Map<String, Object> newTags = tags == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) tags);
    if (newTags.get(costCenters.tag()) != null) {
      return resource; // the spec's own value wins
    }
    newTags.put(costCenters.tag(), costCenter.get());
    values.put("tags", newTags);
    ResourceSpec spec = codec.fromMap(values, resource.spec().getClass());
    return resource.withSpec(spec);
  }
}
