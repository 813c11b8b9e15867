package dev.keel.ec2.bake;

/** The implicit {@code bake} constraint: a version of a baked artifact enters once it is baked everywhere. */
public record BakeConstraint() implements dev.keel.spi.model.Constraint {

  /** The type name, {@value}. */
  public static final String TYPE = "bake";

  @Override
  public String type() {
    return TYPE;
  }
}
