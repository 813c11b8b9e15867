package dev.keel.engine.store;

/**
 * A resource whose check is due, claimed by one engine instance for a lease.
 *
 * @param resourceId the resource
 * @param triggered whether something changed (a new config, a recheck request) rather than the periodic
 *     interval elapsing; triggered checks go first
 * @param fence the claim's fence: greater than that of every earlier claim of this resource, so that writes
 *     made under this claim ({@link #lease(String)}) are refused once another claim has taken it over
 */
public record DueCheck(String resourceId, boolean triggered, long fence) {

  /**
   * The lease this claim gives its owner, to pass with the writes made for the check.
   *
   * @param owner the instance that claimed it, as given to {@link CheckSchedule#claimDue}
   * @return the lease
   */
  public Lease lease(String owner) {
    return new Lease(owner, fence);
  }
}
