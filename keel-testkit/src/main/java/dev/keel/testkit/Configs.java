package dev.keel.testkit;

import dev.keel.spi.model.ArtifactReferencing;
import dev.keel.spi.model.DebianArtifact;
import dev.keel.spi.model.DeliveryArtifact;
import dev.keel.spi.model.DeliveryConfig;
import dev.keel.spi.model.Environment;
import dev.keel.spi.model.Resource;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small delivery configs for tests. */
public final class Configs {

  private Configs() {}

  /**
   * A config with one environment holding some resources, and a Debian artifact for each artifact
   * reference they make (a config must declare the artifacts its resources deploy).
   *
   * @param application the application
   * @param environment the environment's name
   * @param resources the resources
   * @return the config, named {@code <application>-manifest}
   */
  public static DeliveryConfig single(String application, String environment, Resource<?>... resources) {
    Set<String> references = new TreeSet<>();
    for (Resource<?> r : resources) {
      if (r.spec() instanceof ArtifactReferencing deploying && deploying.artifactReference() != null) {
        references.add(deploying.artifactReference());
      }
    }
    List<DeliveryArtifact> artifacts = references.stream()
        .<DeliveryArtifact>map(ref -> new DebianArtifact(ref, ref, null, Set.of(), null))
        .toList();
    return new DeliveryConfig(application, null, null, artifacts,
        List.of(new Environment(environment, Arrays.asList(resources), List.of(), List.of(), List.of(), null)));
  }

  /**
   * A fake thing resource.
   *
   * @param name its name and id
   * @param application its application
   * @param size its size
   * @return the resource
   */
  public static Resource<FakeSpec> thing(String name, String application, int size) {
    return new Resource<>(FakeSpec.KIND, new FakeSpec(name, application, size, "1.0"));
  }

  /**
   * A fake thing that deploys an artifact.
   *
   * @param name its name and id
   * @param application its application
   * @param artifactReference the artifact it deploys
   * @return the resource, with no version until one is resolved
   */
  public static Resource<FakeSpec> deploying(String name, String application, String artifactReference) {
    return new Resource<>(FakeSpec.KIND, new FakeSpec(name, application, 1, null, artifactReference));
  }
}
