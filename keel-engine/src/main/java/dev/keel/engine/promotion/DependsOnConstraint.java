package dev.keel.engine.promotion;

import dev.keel.spi.model.Constraint;
import java.util.Objects;

/**
 * A version may enter this environment only once it has been deployed, and verified, in another.
 *
 * @param environment the environment this one depends on
 */
public record DependsOnConstraint(String environment) implements Constraint {

  /** The type name, {@value}. */
  public static final String TYPE = "depends-on";

  /** Checks for a name. */
  public DependsOnConstraint {
    Objects.requireNonNull(environment, "environment");
    if (environment.isBlank()) {
      throw new IllegalArgumentException("depends-on needs the name of an environment");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }
}
