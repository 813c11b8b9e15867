package dev.keel.spi.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * A stage of an application's delivery, such as test, staging or production: the resources it holds, the
 * constraints a version must pass to enter it, and the verifications run once a version is there.
 *
 * @param name the environment's name, unique within the delivery config
 * @param resources the resources, in declared order
 * @param constraints the promotion constraints
 * @param verifyWith the verifications
 * @param notifications where to announce events
 * @param locations default locations for resources that omit their own, or null
 * @param freezes change freezes that hold back actuations of this environment's resources
 */
public record Environment(
    String name,
    List<Resource<?>> resources,
    List<Constraint> constraints,
    List<Verification> verifyWith,
    List<NotificationConfig> notifications,
    @Nullable Locations locations,
    List<Freeze> freezes) {

  /** Copies the lists. */
  public Environment {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("An environment needs a name");
    }
    resources = resources == null ? List.of() : List.copyOf(resources);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    verifyWith = verifyWith == null ? List.of() : List.copyOf(verifyWith);
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
    freezes = freezes == null ? List.of() : List.copyOf(freezes);
  }

  /**
   * An environment without freezes.
   *
   * @param name the name
   * @param resources the resources
   * @param constraints the promotion constraints
   * @param verifyWith the verifications
   * @param notifications where to announce events
   * @param locations default locations, or null
   */
  public Environment(String name, List<Resource<?>> resources, List<Constraint> constraints,
      List<Verification> verifyWith, List<NotificationConfig> notifications, @Nullable Locations locations) {
    this(name, resources, constraints, verifyWith, notifications, locations, List.of());
  }

  /**
   * The first constraint of a type.
   *
   * @param type such as {@code depends-on}
   * @return the constraint, if declared
   */
  public Optional<Constraint> constraint(String type) {
    return constraints.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /**
   * The resource with an id.
   *
   * @param resourceId a resource id
   * @return the resource, if this environment holds it
   */
  public Optional<Resource<?>> resource(String resourceId) {
    return resources.stream().filter(r -> r.id().equals(resourceId)).findFirst();
  }
}
