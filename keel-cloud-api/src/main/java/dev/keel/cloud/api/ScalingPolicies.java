package dev.keel.cloud.api;

/**
 * A server group's scaling policies as a cloud's model holds them, compared without the names or ids the
 * cloud gives them. Policies are immutable: a change deletes some and adds others.
 *
 * @param <P> the cloud's own type
 */
public interface ScalingPolicies<P extends ScalingPolicies<P>> {

  /**
   * Whether there are policies.
   *
   * @return true if any
   */
  boolean hasPolicies();

  /**
   * How many policies there are.
   *
   * @return the count
   */
  int count();

  /**
   * The policies here that are not in another.
   *
   * @param other the other policies
   * @return this minus other
   */
  P minus(P other);

  /**
   * These policies and another's.
   *
   * @param other the other policies
   * @return the union
   */
  P plus(P other);
}
