package dev.keel.spi.model;

import java.util.Objects;

/**
 * A resource kind together with the spec class its YAML binds to.
 *
 * @param kind the kind
 * @param specClass the spec class
 * @param <S> the spec type
 */
public record SupportedKind<S extends ResourceSpec>(ResourceKind kind, Class<S> specClass) {

  /** Checks for nulls. */
  public SupportedKind {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(specClass, "specClass");
  }

  /**
   * Shorthand that parses the kind.
   *
   * @param kind such as {@code ec2/cluster@v1.1}
   * @param specClass the spec class
   * @param <S> the spec type
   * @return the supported kind
   */
  public static <S extends ResourceSpec> SupportedKind<S> of(String kind, Class<S> specClass) {
    return new SupportedKind<>(ResourceKind.parse(kind), specClass);
  }
}
