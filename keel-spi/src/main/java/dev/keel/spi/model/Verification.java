package dev.keel.spi.model;

/**
 * A check run against the version currently deployed in an environment, such as a smoke test; a
 * {@code depends-on} constraint in a later environment waits for it to pass. Verification types are
 * registered by name; implementations are records.
 */
public interface Verification {

  /**
   * The verification type as written in the config.
   *
   * @return the type, such as {@code test-container}
   */
  String type();

  /**
   * An id that is unique among an environment's verifications and stable across config updates, so
   * that its results survive a resubmission.
   *
   * @return the id
   */
  String id();
}
