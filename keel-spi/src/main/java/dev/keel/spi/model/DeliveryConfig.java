package dev.keel.spi.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An application's declared delivery: its artifacts and its environments. One per application; the name
 * is unique across all applications.
 *
 * @param application the application
 * @param name the config's name; {@code <application>-manifest} when omitted
 * @param serviceAccount the account actuations run as, or null
 * @param artifacts the artifacts, in declared order
 * @param environments the environments, in declared order
 */
public record DeliveryConfig(
    String application,
    String name,
    @javax.annotation.Nullable String serviceAccount,
    List<DeliveryArtifact> artifacts,
    List<Environment> environments) {

  /** Applies defaults and copies the lists. */
  public DeliveryConfig {
    Objects.requireNonNull(application, "application");
    name = name == null || name.isBlank() ? application + "-manifest" : name;
    artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    environments = environments == null ? List.of() : List.copyOf(environments);
  }

  /**
   * Every resource of every environment.
   *
   * @return the resources, environment by environment
   */
  public Stream<Resource<?>> resources() {
    return environments.stream().flatMap(e -> e.resources().stream());
  }

  /**
   * The environment with a name.
   *
   * @param environmentName the name
   * @return the environment
   * @throws NoSuchElementException if there is none
   */
  public Environment environment(String environmentName) {
    return environments.stream()
        .filter(e -> e.name().equals(environmentName))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException(
            "Delivery config " + name + " has no environment named " + environmentName));
  }

  /**
   * The artifact with a reference.
   *
   * @param reference the reference
   * @return the artifact, if declared
   */
  public Optional<DeliveryArtifact> artifact(String reference) {
    return artifacts.stream().filter(a -> a.reference().equals(reference)).findFirst();
  }

  /**
   * The environment that holds a resource.
   *
   * @param resourceId a resource id
   * @return the environment, if any holds it
   */
  public Optional<Environment> environmentOf(String resourceId) {
    return environments.stream().filter(e -> e.resource(resourceId).isPresent()).findFirst();
  }
}
