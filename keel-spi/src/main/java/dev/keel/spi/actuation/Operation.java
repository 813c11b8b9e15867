package dev.keel.spi.actuation;

/**
 * One typed step a handler would take to converge a resource, such as "resize fnord-main-v042 in
 * us-west-2 to 3 instances". Handlers declare their own operations, usually as records; a plan shows
 * them without running anything.
 */
public interface Operation {

  /**
   * A short machine-readable name of the operation, such as {@code resize} or {@code deploy}.
   *
   * @return the type
   */
  String type();

  /**
   * What the operation does, for a person reading a plan.
   *
   * @return the description
   */
  String description();
}
