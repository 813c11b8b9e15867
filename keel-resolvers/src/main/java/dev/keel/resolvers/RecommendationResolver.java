package dev.keel.resolvers;

import dev.keel.spi.KeelContext;
import dev.keel.spi.ResourceContext;
import dev.keel.spi.Resolver;
import dev.keel.spi.SpecCodec;
import dev.keel.spi.model.Resource;
import dev.keel.spi.model.ResourceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Fills values a spec leaves out from a {@link RecommendationSource}; what the user declared always wins.
 * The plugin configuration's {@code recommendations} list says where: {@code [{kind: ec2/cluster, path:
 * /launchConfiguration/instanceType}]}. Without a source the resolver does nothing.
 */
@Extension
public final class RecommendationResolver implements Resolver<ResourceSpec> {

  /** The resolver's name, {@value}. */
  public static final String NAME = "recommendation";

  /**
   * Where recommendations go.
   *
   * @param select which resources
   * @param path the JSON pointer of the value
   */
  public record Target(ResourceSelector select, String path) {
    /** Checks the path. */
    public Target {
      Objects.requireNonNull(select, "select");
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("A recommendation path must be a JSON pointer such as /launchConfiguration/instanceType");
      }
    }
  }

  private final List<Target> targets;
  private final RecommendationSource source;
  private final SpecCodec codec;

  /**
   * A resolver configured by the engine.
   *
   * @param context the engine's context: its {@code recommendations} config, its RecommendationSource service
   *     and its spec codec
   * @throws IllegalArgumentException if a target is invalid
   */
  public RecommendationResolver(KeelContext context) {
    this(targets(context.config().get("recommendations")),
        context.service(RecommendationSource.class).orElse((r, p) -> Optional.empty()),
        context.specCodec().orElseThrow(() -> new IllegalStateException("RecommendationResolver needs a SpecCodec")));
  }

  /**
   * A resolver with given targets and source.
   *
   * @param targets where recommendations go
   * @param source the recommendations
   * @param codec converts specs to plain values and back
   */
  public RecommendationResolver(List<Target> targets, RecommendationSource source, SpecCodec codec) {
    this.targets = List.copyOf(targets);
    this.source = Objects.requireNonNull(source, "source");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  private static List<Target> targets(Object raw) {
    List<Target> out = new ArrayList<>();
    if (raw instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Map<?, ?> m)) {
          throw new IllegalArgumentException("recommendations[" + i + "]: expected a mapping with kind and path");
        }
        Object kind = m.get("kind");
        Object path = m.get("path");
        try {
          out.add(new Target(new ResourceSelector(kind == null ? null : kind.toString(), null, null, null),
              path == null ? null : path.toString()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("recommendations[" + i + "]: " + e.getMessage(), e);
        }
      }
    }
    return out;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int order() {
    return -400;
  }

  @Override
  public boolean supports(Resource<?> resource) {
    return targets.stream().anyMatch(t -> t.select().matches(resource));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Resource<ResourceSpec> resolve(Resource<ResourceSpec> resource, ResourceContext context) {
    Map<String, Object> values = codec.toMap(resource.spec());
    boolean changed = false;
    for (Target t : targets) {
      if (t.select().matches(resource) && Pointers.get(values, t.path()) == null) {
        Optional<Object> value = source.recommend(resource, t.path());
        if (value.isPresent()) {
          values = Pointers.set(values, t.path(), value.get());
          changed = true;
        }
      }
    }
    return changed ? resource.withSpec(codec.fromMap(values, (Class<ResourceSpec>) resource.spec().getClass())) : resource;
  }
}
