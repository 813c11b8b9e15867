package dev.keel.engine.store;

import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a stored delivery config that a {@link StatusView} needs, with no resource spec: its environments
 * and their resources' ids and kinds, in declared order, and its artifacts.
 *
 * @param name the config's name
 * @param application its application
 * @param environments its environments, in declared order
 * @param artifacts its artifacts, in declared order
 */
public record StatusOutline(String name, String application, List<EnvironmentOutline> environments,
    List<ArtifactOutline> artifacts) {

  /** Checks for nulls and copies the lists. */
  public StatusOutline {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(application, "application");
    environments = List.copyOf(environments);
    artifacts = List.copyOf(artifacts);
  }

  /**
   * The outline of a config at hand.
   *
   * @param config the config
   * @return its outline
   */
  public static StatusOutline of(DeliveryConfig config) {
    return new StatusOutline(config.name(), config.application(),
        config.environments().stream().map(StatusOutline::environment).toList(),
        config.artifacts().stream().map(a -> new ArtifactOutline(a.reference(), a.type(), a.name())).toList());
  }

  private static EnvironmentOutline environment(Environment env) {
    return new EnvironmentOutline(env.name(),
        env.resources().stream().map(r -> new ResourceOutline(r.id(), r.kind().toString())).toList());
  }

  /**
   * An environment: its name and resources.
   *
   * @param name the environment's name
   * @param resources its resources, in declared order
   */
  public record EnvironmentOutline(String name, List<ResourceOutline> resources) {

    /** Checks for nulls and copies the list. */
    public EnvironmentOutline {
      Objects.requireNonNull(name, "name");
      resources = List.copyOf(resources);
    }
  }

  /**
   * A resource, by id and kind.
   *
   * @param id the resource id
   * @param kind its kind, as {@link dev.keel.spi.model.ResourceKind#toString()} writes it ({@code group/kind@vN})
   */
  public record ResourceOutline(String id, String kind) {

    /** Checks for nulls. */
    public ResourceOutline {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * An artifact: its reference in the config and the type and name its versions are published under.
   *
   * @param reference the reference
   * @param type the artifact type, such as {@code docker}
   * @param name the artifact's name
   */
  public record ArtifactOutline(String reference, String type, String name) {

    /** Checks for nulls. */
    public ArtifactOutline {
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(name, "name");
    }
  }
}
