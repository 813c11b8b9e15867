package dev.keel.spi.model;

/**
 * A rule that an artifact version must satisfy before it is approved for an environment, such as
 * {@code depends-on} or {@code manual-judgement}. Constraint types are registered by name together with
 * their class and evaluator; implementations are records.
 */
public interface Constraint {

  /**
   * The constraint type as written in the config.
   *
   * @return the type, such as {@code depends-on}
   */
  String type();
}
