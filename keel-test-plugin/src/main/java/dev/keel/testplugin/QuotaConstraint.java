package dev.keel.testplugin;

import dev.keel.spi.model.Constraint;

/**
 * The {@code quota} constraint: at most a number of deployments.
 *
 * @param deployments the most deployments allowed
 */
public record QuotaConstraint(int deployments) implements Constraint {

  /** The constraint type. */
  public static final String TYPE = "quota";

  @Override
  public String type() {
    return TYPE;
  }
}
